import type { GenericRule } from '@/lib/adapters';
import type { Result } from '@/lib/messaging/result';
import type { GenericRulesState } from '@/lib/settings/generic-rules-store';
import { GenericRuleForm } from './GenericRuleForm';
import { GenericRuleList, type HostAccess } from './GenericRuleList';

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
      <h2 id="rules-title">Your firm’s systems</h2>
      <p className="muted">
        Secondment Lens recognises Clio, Salesforce, HubSpot, Dynamics 365, DealCloud, MyCase, Filevine and Actionstep.
        For another system, add a rule that recognises its record pages by their address.
      </p>
      <GenericRuleList label="Rules set by your firm’s IT" source={state.policy} access={props.access} onAllow={props.onAllow} />
      {state.policy.entries.length > 0 && <p className="muted">Rules set by your firm’s IT cannot be changed here.</p>}
      <GenericRuleList label="Your rules" source={state.user} access={props.access} onAllow={props.onAllow} onRemove={props.onRemove} />
      <GenericRuleForm takenIds={taken} onAdd={props.onAdd} />
    </section>
  );
}
