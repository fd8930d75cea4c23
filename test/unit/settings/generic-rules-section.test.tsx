// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, expect, it, vi } from 'vitest';
import { GenericRulesSection } from '@/components/options/GenericRulesSection';
import type { GenericRule } from '@/lib/adapters';
import { describeRules, type GenericRulesState } from '@/lib/settings/generic-rules-store';

afterEach(cleanup);

const rule = (id: string, name: string): GenericRule => ({
  id, name, kind: 'client', urlPattern: String.raw`^https://intranet\.firm\.example/crm/clients/(?<externalId>\d+)`, labelSelector: 'h1',
});

function renderSection(state: GenericRulesState, access: Record<string, boolean> = {}) {
  const onAdd = vi.fn(async (_rule: GenericRule) => ({ ok: true as const, value: null }));
  const onRemove = vi.fn();
  const onAllow = vi.fn();
  render(<GenericRulesSection state={state} access={access} onAdd={onAdd} onRemove={onRemove} onAllow={onAllow} />);
  return { onAdd, onRemove, onAllow };
}

const fill = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });

it('shows policy rules read-only and the user’s rules with a Remove button', () => {
  const { onRemove } = renderSection({ policy: describeRules([rule('p', 'Matters database')]), user: describeRules([rule('u', 'My intranet')]) });
  const policy = screen.getByRole('list', { name: 'Rules set by your firm’s IT' });
  expect(within(policy).getByText('Matters database')).toBeTruthy();
  expect(within(policy).queryByRole('button', { name: 'Remove' })).toBeNull();
  const mine = screen.getByRole('list', { name: 'Your rules' });
  fireEvent.click(within(mine).getByRole('button', { name: 'Remove' }));
  expect(onRemove).toHaveBeenCalledWith(0);
});

it('lists a bad policy rule with why it is skipped, next to that rule', () => {
  renderSection({ policy: describeRules([{ id: 'x', name: 'Broken', kind: 'client', urlPattern: 'intranet/(?<externalId>\\d+)' }, rule('ok', 'Fine')]), user: describeRules(undefined) });
  const [broken, fine] = screen.getAllByTestId('rule');
  expect(broken?.textContent).toContain('Broken');
  expect(within(broken!).getByTestId('rule-error').textContent).toContain('must start with ^https://');
  expect(within(fine!).queryByTestId('rule-error')).toBeNull();
});

it('offers to allow a rule’s host when the user has not granted it yet', () => {
  const { onAllow } = renderSection({ policy: describeRules([rule('p', 'Policy rule')]), user: describeRules(undefined) }, { p: false });
  fireEvent.click(screen.getByRole('button', { name: 'Allow' }));
  expect(onAllow).toHaveBeenCalledWith(expect.objectContaining({ id: 'p' }));
});

it('checks a new rule before asking for anything, and shows the error beside the form', () => {
  const { onAdd } = renderSection({ policy: describeRules(undefined), user: describeRules(undefined) });
  fill('Rule name', 'No group');
  fill('URL pattern', String.raw`^https://intranet\.firm\.example/crm/clients/\d+`);
  fireEvent.click(screen.getByRole('button', { name: 'Add rule' }));
  expect(screen.getByTestId('rule-form-error').textContent).toContain('must have a named group');
  expect(onAdd).not.toHaveBeenCalled();
});

it('hands a valid rule, with a fresh id, to onAdd', () => {
  const { onAdd } = renderSection({ policy: describeRules(undefined), user: describeRules([rule('intranet-clients', 'Intranet clients')]) });
  fill('Rule name', 'Intranet clients');
  fill('URL pattern', String.raw`^https://intranet\.firm\.example/crm/clients/(?<externalId>\d+)`);
  fireEvent.change(screen.getByLabelText('Record kind'), { target: { value: 'matter' } });
  fireEvent.click(screen.getByRole('button', { name: 'Add rule' }));
  expect(onAdd).toHaveBeenCalledWith({
    id: 'intranet-clients-2', name: 'Intranet clients', kind: 'matter', urlPattern: String.raw`^https://intranet\.firm\.example/crm/clients/(?<externalId>\d+)`,
  });
});
