// @vitest-environment happy-dom
import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { BD, NEEDS, PARTNER, readyView, SAM_ACTIVE, SECONDEE } from './fixtures';
import { renderSidebar } from './render';

const versioned = NEEDS.map((n) => ({ ...n, version: '3' }));

describe('BD triages needs in place', () => {
  it('BD changes the status and takes the need on, with the version on screen; others get no controls', () => {
    const { called } = renderSidebar(readyView({ me: BD }, { needs: versioned }));
    const item = document.querySelector('[data-need-id="n-depot"]') as HTMLElement;
    fireEvent.change(within(item).getByLabelText('Status of "Dutch employment contracts for Rotterdam depot"'), { target: { value: 'pursuing' } });
    fireEvent.click(within(item).getByRole('button', { name: 'Assign to me' }));
    expect(called('triageNeed').map((c) => c.args)).toEqual([
      ['c-northwind', { id: 'n-depot', title: 'Dutch employment contracts for Rotterdam depot', version: '3' }, { status: 'pursuing' }],
      ['c-northwind', { id: 'n-depot', title: 'Dutch employment contracts for Rotterdam depot', version: '3' }, { owner: { userId: BD.id } }],
    ]);
  });

  it('a won need asks BD for the matter it became, on the system of this page', () => {
    const { called } = renderSidebar(readyView({ me: BD }, { needs: versioned }));
    fireEvent.change(screen.getByLabelText('Show needs'), { target: { value: 'all' } });
    const item = document.querySelector('[data-need-id="n-won"]') as HTMLElement;
    fireEvent.change(within(item).getByLabelText('Matter number it became'), { target: { value: '5077' } });
    fireEvent.click(within(item).getByRole('button', { name: 'Link matter' }));
    expect(called('triageNeed')[0]?.args[2]).toEqual({ matter: { system: 'clio', kind: 'matter', externalId: '5077', tenant: 'app.clio.com' } });
  });

  it('everyone sees the owner and who moved the status; a lawyer has no controls', () => {
    const moved = versioned.map((n) => (n.id === 'n-lease' ? { ...n, owner: { userId: BD.id, name: BD.name }, statusChangedBy: { userId: BD.id, name: BD.name }, statusChangedAt: '2026-06-01T10:00:00Z' } : n));
    renderSidebar(readyView({ me: PARTNER }, { needs: moved }));
    const item = document.querySelector('[data-need-id="n-lease"]') as HTMLElement;
    expect(within(item).getByTestId('need-triage-line').textContent).toMatch(/Owner: Priya Shah · Pursuing by Priya Shah/);
    expect(within(item).queryByTestId('need-triage')).toBeNull();
  });

  it('a redacted confidential need shows whom to ask and nothing of its text', () => {
    const redacted = versioned.map((n) => (n.id === 'n-gdpr' ? { ...n, title: 'Confidential need', detail: '', redacted: true, askContact: { userId: BD.id, name: BD.name } } : n));
    renderSidebar(readyView({ me: PARTNER }, { needs: redacted }));
    const item = document.querySelector('[data-need-id="n-gdpr"]') as HTMLElement;
    expect(item.textContent).toContain('Learned in confidence — ask Priya Shah');
    expect(item.textContent).not.toContain('GDPR');
  });
});

describe('a secondee sees their own placement first', () => {
  it('with days left, objectives to keep up to date and a check-in to record', async () => {
    const sam = { ...SAM_ACTIVE, version: '7' };
    const { called } = renderSidebar(readyView({ me: SECONDEE }, { secondments: [sam] }));
    const mine = screen.getByTestId('my-placement');
    expect(within(mine).getByRole('heading', { level: 2 }).textContent).toBe('Your placement');
    const objective = sam.objectives[0]!;
    fireEvent.change(within(mine).getByLabelText(`Status of "${objective.description}"`), { target: { value: 'met' } });
    expect(called('setObjectiveStatus')[0]?.args).toEqual(['c-northwind', { id: sam.id, version: '7' }, objective, 'met']);

    fireEvent.change(within(mine).getByLabelText('Note (optional)'), { target: { value: 'Monthly catch-up with the GC.' } });
    fireEvent.click(within(mine).getByRole('button', { name: 'Record check-in' }));
    await screen.findByText('Check-in recorded.');
    const [clientId, secondmentId, checkIn] = called('recordCheckIn')[0]!.args as [string, string, { date: string; note: string }];
    expect([clientId, secondmentId, checkIn.note]).toEqual(['c-northwind', sam.id, 'Monthly catch-up with the GC.']);
    expect(checkIn.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('refuses a check-in dated in the future next to the field', () => {
    const { called } = renderSidebar(readyView({ me: SECONDEE }, { secondments: [{ ...SAM_ACTIVE, version: '7' }] }));
    const mine = screen.getByTestId('my-placement');
    fireEvent.change(within(mine).getByLabelText('Date of the check-in'), { target: { value: '2999-01-01' } });
    fireEvent.click(within(mine).getByRole('button', { name: 'Record check-in' }));
    expect(within(mine).getByText('A check-in cannot be in the future.')).toBeTruthy();
    expect(called('recordCheckIn')).toEqual([]);
  });

  it('nobody else gets the placement panel', () => {
    renderSidebar(readyView({ me: PARTNER }));
    expect(screen.queryByTestId('my-placement')).toBeNull();
  });
});
