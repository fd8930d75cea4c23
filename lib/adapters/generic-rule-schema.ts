import { z } from 'zod';
import { analyseUrlPattern, type GenericRule } from './generic-rule';
import { RECORD_KINDS } from '../contract/record-identity';

/**
 * Validation of firm-defined rules for the options page and the background (policy settings).
 * The only adapters file that may import zod: the content script must never load it.
 */
export const GenericRuleSchema = z.object({
  id: z.string().min(1).max(64),
  name: z.string().min(1).max(200),
  urlPattern: z.string().superRefine((source, ctx) => {
    const analysed = analyseUrlPattern(source);
    if ('problem' in analysed) ctx.addIssue({ code: 'custom', message: `URL pattern ${analysed.problem}` });
  }),
  kind: z.enum(RECORD_KINDS),
  labelSelector: z.string().min(1).max(500).optional(),
});

// Schema output and the hand-written type must agree both ways.
type Output = z.infer<typeof GenericRuleSchema>;
const _outputIsRule = (x: Output): GenericRule => x;
const _ruleIsOutput = (x: GenericRule): Output => x;
void _outputIsRule;
void _ruleIsOutput;

export type GenericRuleError = { index: number; message: string };

/** Valid rules, and one error per invalid rule; index -1 when the input is not a list at all. */
export function parseGenericRules(input: unknown): { rules: GenericRule[]; errors: GenericRuleError[] } {
  if (!Array.isArray(input)) return { rules: [], errors: [{ index: -1, message: 'rules must be a list' }] };
  const rules: GenericRule[] = [];
  const errors: GenericRuleError[] = [];
  input.forEach((item, index) => {
    const result = GenericRuleSchema.safeParse(item);
    if (!result.success) {
      const message = result.error.issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message)).join('; ');
      errors.push({ index, message });
    } else if (rules.some((r) => r.id === result.data.id)) {
      errors.push({ index, message: `id: "${result.data.id}" is used by an earlier rule` });
    } else {
      rules.push(result.data);
    }
  });
  return { rules, errors };
}
