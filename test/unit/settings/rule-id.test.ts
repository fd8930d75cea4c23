import { expect, it } from 'vitest';
import { ruleIdFor } from '@/lib/settings/rule-id';

it('makes a readable id from the rule name', () => {
  expect(ruleIdFor('Intranet CRM — Clients!', new Set())).toBe('intranet-crm-clients');
});

it('keeps ids unique', () => {
  expect(ruleIdFor('Matters', new Set(['matters', 'matters-2']))).toBe('matters-3');
});

it('falls back to "rule" for a name with no letters or digits', () => {
  expect(ruleIdFor('—', new Set())).toBe('rule');
});

it('stays within the 64 characters a rule id may have', () => {
  expect(ruleIdFor('x'.repeat(300), new Set(['x'.repeat(56)])).length).toBeLessThanOrEqual(64);
});
