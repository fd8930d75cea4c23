import { describe, expect, it } from 'vitest';
import { toNeedRow, UNOWNED } from '@/lib/pipeline/need-row';
import { client, daysAgo, need, NOW } from './fixtures';

describe('a need as the board sees it', () => {
  it('never carries the text of a redacted need, only whom to ask', () => {
    const row = toNeedRow(need({ title: 'Secret merger', detail: 'x', redacted: true, askContact: { userId: 'u-bd', name: 'Priya Shah' }, confidential: true }), client('c-1', 'Acme'), NOW);
    expect(row.title).toBeNull();
    expect(row.askContact).toBe('Priya Shah');
    expect(JSON.stringify(row)).not.toContain('Secret merger');
  });
  it('reads a need without the triage fields (owner, status change) as unowned, in its status since noticed', () => {
    const row = toNeedRow(need({ identifiedAt: daysAgo(40) }), client('c-1', 'Acme'), NOW);
    expect(row).toMatchObject({ ownerKey: UNOWNED, ownerName: null, ageDays: 40, daysInStatus: 40, matter: null, clientName: 'Acme' });
  });
  it('counts days in status from the last status change', () => {
    const row = toNeedRow(need({ identifiedAt: daysAgo(40), status: 'won', statusChangedAt: daysAgo(5), owner: { userId: 'u-2', name: 'Eleanor Marsh' } }), undefined, NOW);
    expect(row).toMatchObject({ ageDays: 40, daysInStatus: 5, ownerKey: 'u:u-2', ownerName: 'Eleanor Marsh', clientName: 'c-1' });
  });
  it('tells owners without a user id apart by name', () => {
    expect(toNeedRow(need({ owner: { userId: null, name: 'BD team' } }), undefined, NOW).ownerKey).toBe('n:BD team');
  });
});
