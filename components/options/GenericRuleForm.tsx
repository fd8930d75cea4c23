import { type FormEvent, useState } from 'react';
import { type GenericRule, RECORD_KIND_IDS, type RecordKind } from '@/lib/adapters';
import { parseGenericRules } from '@/lib/adapters/generic-rule-schema';
import type { Result } from '@/lib/messaging/result';
import { ruleIdFor } from '@/lib/settings/rule-id';

const KIND_LABEL: Record<RecordKind, string> = { client: 'Client (organisation)', contact: 'Contact (person)', matter: 'Matter' };
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
    <form onSubmit={submit} aria-label="Add a rule" noValidate data-testid="rule-form">
      <label htmlFor="rule-name">Rule name</label>
      <input id="rule-name" value={name} onChange={(e) => setName(e.target.value)} maxLength={200} placeholder="Intranet CRM clients" />
      <label htmlFor="rule-pattern">URL pattern</label>
      <input id="rule-pattern" value={urlPattern} onChange={(e) => setUrlPattern(e.target.value)} maxLength={1000} spellCheck={false}
        placeholder={EXAMPLE} aria-describedby="rule-pattern-help" aria-invalid={error !== null} />
      <p id="rule-pattern-help" className="muted">
        A regular expression starting with <code>^https://</code> and the host, with a named group <code>(?&lt;externalId&gt;…)</code> for
        the record’s id and optionally <code>(?&lt;tenant&gt;…)</code>.
      </p>
      <label htmlFor="rule-kind">Record kind</label>
      <select id="rule-kind" value={kind} onChange={(e) => setKind(e.target.value as RecordKind)}>
        {RECORD_KIND_IDS.map((k) => <option key={k} value={k}>{KIND_LABEL[k]}</option>)}
      </select>
      <label htmlFor="rule-label">Name on the page (CSS selector, optional)</label>
      <input id="rule-label" value={labelSelector} onChange={(e) => setLabelSelector(e.target.value)} maxLength={500} spellCheck={false} placeholder="h1.client-name" />
      {error && <p role="alert" className="error" data-testid="rule-form-error">{error}</p>}
      <div className="row">
        <button type="submit" className="primary" disabled={busy}>{busy ? 'Adding…' : 'Add rule'}</button>
      </div>
    </form>
  );
}
