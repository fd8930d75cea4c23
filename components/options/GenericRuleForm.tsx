import { type FormEvent, useState } from 'react';
import { type GenericRule, RECORD_KINDS, type RecordKind } from '@/lib/adapters';
import { parseGenericRules } from '@/lib/adapters/generic-rule-schema';
import type { Result } from '@/lib/messaging/result';
import { ruleIdFor } from '@/lib/settings/rule-id';
import { messages } from './messages';

const text = messages.rules.form;
const KIND_LABEL: Record<RecordKind, string> = text.kinds;
const EXAMPLE = String.raw`^https://intranet\.firm\.example/crm/clients/(?<externalId>\d+)`;

/**
 * Adds one rule. Checked with parseGenericRules before anything else happens, and the error is
 * shown beside the form; a valid rule goes to `onAdd`, which asks for the host permission.
 */
export function GenericRuleForm(props: { takenIds: ReadonlySet<string>; onAdd: (rule: GenericRule) => Promise<Result<unknown>> }) {
  const [name, setName] = useState('');
  const [urlPattern, setUrlPattern] = useState('');
  const [kind, setKind] = useState<RecordKind>('client');
  const [labelSelector, setLabelSelector] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const candidate = {
      id: ruleIdFor(name, props.takenIds), name: name.trim(), urlPattern: urlPattern.trim(), kind,
      ...(labelSelector.trim() ? { labelSelector: labelSelector.trim() } : {}),
    };
    const { rules, errors } = parseGenericRules([candidate]);
    const rule = rules[0];
    if (errors.length > 0 || rule === undefined) return setError(errors.map((e) => e.message).join('; '));
    setBusy(true);
    // Called synchronously from the submit event: the permission prompt needs the user's gesture.
    void props.onAdd(rule).then((result) => {
      setBusy(false);
      setError(result.ok ? null : result.error.message);
      if (!result.ok) return;
      setName('');
      setUrlPattern('');
      setLabelSelector('');
    });
  };

  return (
    <form onSubmit={submit} aria-label={text.label} noValidate data-testid="rule-form">
      <label htmlFor="rule-name">{text.name}</label>
      <input id="rule-name" value={name} onChange={(e) => setName(e.target.value)} maxLength={200} placeholder={text.namePlaceholder} />
      <label htmlFor="rule-pattern">{text.pattern}</label>
      <input id="rule-pattern" value={urlPattern} onChange={(e) => setUrlPattern(e.target.value)} maxLength={1000} spellCheck={false}
        placeholder={EXAMPLE} aria-describedby="rule-pattern-help" aria-invalid={error !== null} />
      <p id="rule-pattern-help" className="muted">
        {text.patternHelpBefore} <code>^https://</code> {text.patternHelpMiddle} <code>(?&lt;externalId&gt;…)</code> {text.patternHelpAfter}{' '}
        <code>(?&lt;tenant&gt;…)</code>.
      </p>
      <label htmlFor="rule-kind">{text.kind}</label>
      <select id="rule-kind" value={kind} onChange={(e) => setKind(e.target.value as RecordKind)}>
        {RECORD_KINDS.map((k) => <option key={k} value={k}>{KIND_LABEL[k]}</option>)}
      </select>
      <label htmlFor="rule-label">{text.labelSelector}</label>
      <input id="rule-label" value={labelSelector} onChange={(e) => setLabelSelector(e.target.value)} maxLength={500} spellCheck={false} placeholder="h1.client-name" />
      {error && <p role="alert" className="error" data-testid="rule-form-error">{error}</p>}
      <div className="row">
        <button type="submit" className="primary" disabled={busy}>{busy ? text.busy : text.submit}</button>
      </div>
    </form>
  );
}
