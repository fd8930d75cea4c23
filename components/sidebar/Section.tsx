import { type ReactNode, useId } from 'react';

/** A titled region of the sidebar (a landmark for screen-reader users), with an optional count. */
export function Section({ title, count, children, testId }: { title: string; count?: number; children: ReactNode; testId?: string }) {
  const id = useId();
  return (
    <section aria-labelledby={id} data-testid={testId}>
      <h2 id={id}>
        {title}
        {count !== undefined && <span className="count"> {count}</span>}
      </h2>
      {children}
    </section>
  );
}
