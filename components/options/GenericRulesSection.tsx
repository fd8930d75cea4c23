import type { GenericRule } from '@/lib/adapters';
import type { Result } from '@/lib/messaging/result';
import type { GenericRulesState } from '@/lib/settings/generic-rules-store';
import { GenericRuleForm } from './GenericRuleForm';
import { GenericRuleList, type HostAccess } from './GenericRuleList';
import { messages } from './messages';
import { PMS_SYSTEM_NAMES, PMS_SYSTEMS } from '@/lib/contract/record-identity';

/** The systems with a built-in plug-in, by name: "Clio, Salesforce … and Actionstep". */
const BUILT_IN_SYSTEMS = new Intl.ListFormat('en', { type: 'conjunction' }).format(PMS_SYSTEMS.filter((s) => s !== 'generic').map((s) => PMS_SYSTEM_NAMES[s]));

const text = messages.rules;

/**
 * "Your firm's systems": detection rules for record pages no built-in plug-in knows. Policy rules
 * are shown read-only above the user's own, which can be added and removed.
 */
export function GenericRulesSection(props: {
  state: GenericRulesState;
  access: HostAccess;
  onAdd: (rule: GenericRule) => Promise<Result<unknown>>;
  onRemove: (index: number) => void;
  onAllow: (rule: GenericRule) => void;
}) {
  const { state } = props;
  const taken = new Set([...state.policy.entries, ...state.user.entries].flatMap((e) => (e.rule ? [e.rule.id] : [])));
  return (
    <section aria-labelledby="rules-title" data-testid="generic-rules">
      <h2 id="rules-title">{text.title}</h2>
      <p className="muted">{text.intro(BUILT_IN_SYSTEMS)}</p>
      <GenericRuleList label={text.policyList} source={state.policy} access={props.access} onAllow={props.onAllow} />
      {state.policy.entries.length > 0 && <p className="muted">{text.policyLocked}</p>}
      <GenericRuleList label={text.userList} source={state.user} access={props.access} onAllow={props.onAllow} onRemove={props.onRemove} />
      <GenericRuleForm takenIds={taken} onAdd={props.onAdd} />
    </section>
  );
}
