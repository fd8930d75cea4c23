import type { GenericRule } from '@/lib/adapters';
import type { RuleSource } from '@/lib/settings/generic-rules-store';
import { messages } from './messages';

const text = messages.rules;

/** Which hosts the user has allowed: true/false per rule id, missing while unknown. */
export type HostAccess = Record<string, boolean>;

/**
 * The rules of one source (policy or the user's). A rule that fails validation is listed with why
 * it is skipped; policy rules cannot be removed here, the user's can.
 */
export function GenericRuleList(props: {
  label: string;
  source: RuleSource;
  access: HostAccess;
  onAllow: (rule: GenericRule) => void;
  onRemove?: (index: number) => void;
}) {
  const { entries, listError } = props.source;
  if (listError) return <p className="error" role="alert">{text.notUsed(props.label, listError)}</p>;
  if (entries.length === 0) return null;
  return (
    <ul className="plain" aria-label={props.label}>
      {entries.map((entry, index) => (
        <li key={index} className="card" data-testid="rule">
          {entry.rule ? (
            <>
              <p><strong>{entry.rule.name}</strong> <span className="muted">· {entry.rule.kind}</span></p>
              <p><code>{entry.rule.urlPattern}</code></p>
              {entry.rule.labelSelector && <p className="muted">{text.nameFrom} <code>{entry.rule.labelSelector}</code></p>}
              <HostAccessLine rule={entry.rule} granted={props.access[entry.rule.id]} onAllow={props.onAllow} />
            </>
          ) : (
            <>
              <p><strong>{describeRaw(entry.raw)}</strong></p>
              <p className="error" data-testid="rule-error">{text.skipped(entry.error)}</p>
            </>
          )}
          {props.onRemove && <button type="button" onClick={() => props.onRemove?.(index)}>{text.remove}</button>}
        </li>
      ))}
    </ul>
  );
}

function HostAccessLine({ rule, granted, onAllow }: { rule: GenericRule; granted: boolean | undefined; onAllow: (rule: GenericRule) => void }) {
  if (granted === undefined) return null;
  if (granted) return <p className="muted" data-testid="rule-access">{text.active}</p>;
  return (
    <p className="row" data-testid="rule-access">
      <span className="error">{text.needsPermission}</span>
      <button type="button" onClick={() => onAllow(rule)}>{text.allow}</button>
    </p>
  );
}

/** A name for an invalid entry without trusting its shape. */
function describeRaw(raw: unknown): string {
  const name = typeof raw === 'object' && raw !== null ? (raw as { name?: unknown }).name : undefined;
  return typeof name === 'string' && name.trim() ? name.slice(0, 200) : text.unnamed;
}
