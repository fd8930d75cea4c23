import { useId, useState } from 'react';
import type { ProblemView } from '@/lib/messaging/sidebar-view';
import { messages } from './messages';

/** A short message for the lawyer; the technical detail for IT behind a toggle. */
export function ProblemDetails({ problem }: { problem: ProblemView }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <div className="problem">
      <p>{problem.message}</p>
      {problem.detail && (
        <>
          <button type="button" className="link" aria-expanded={open} aria-controls={id} onClick={() => setOpen(!open)}>
            {open ? messages.problem.hideDetails : messages.problem.showDetails}
          </button>
          <pre id={id} className="detail" hidden={!open}>{problem.detail}</pre>
        </>
      )}
    </div>
  );
}
