import type { SettingProblem } from '@/lib/settings/setting-problem';
import { messages } from './messages';

/**
 * Settings whose values were refused (a malformed policy, or a bad value of the user's own), in
 * plain words. The extension keeps running on the valid ones; this says what was not applied.
 */
export function SettingProblems(props: { problems: SettingProblem[] }) {
  if (props.problems.length === 0) return null;
  const policy = props.problems.some((p) => p.source === 'policy');
  return (
    <section aria-labelledby="problems-title" data-testid="setting-problems">
      <h2 id="problems-title">{messages.problems.title}</h2>
      <p className="error">
        {policy ? messages.problems.policy : messages.problems.user}
      </p>
      <ul>
        {props.problems.map((p) => <li key={`${p.source}:${p.key}`}>{p.message}</li>)}
      </ul>
    </section>
  );
}
