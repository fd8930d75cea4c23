// @vitest-environment happy-dom
import { act, fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { BD, PARTNER, readyView, SECONDEE } from './fixtures';
import { renderSidebar } from './render';

const section = () => screen.getByTestId('candidate-flag');

describe('Candidate flag', () => {
  it('everyone sees the flag: priority, why, who and when', () => {
    for (const me of [PARTNER, SECONDEE, BD]) {
      const { unmount } = renderSidebar(readyView({ me }));
      const text = screen.getByTestId('flag-summary').textContent!;
      expect(text).toContain('Flagged as a candidate · High priority');
      expect(text).toContain('Expanding into the Netherlands; GC asked about a second secondee.');
      expect(text).toMatch(/Priya Shah, .*2026/);
      unmount();
    }
  });

  it('lawyers are not offered to flag, edit or clear', () => {
    renderSidebar(readyView({ me: PARTNER }));
    expect(within(section()).queryAllByRole('button')).toHaveLength(0);
    expect(screen.queryByRole('button', { name: /flag/i })).toBeNull();
  });

  it('a lawyer on an unflagged client is not offered to flag either', () => {
    renderSidebar(readyView({ me: PARTNER }, { candidateFlag: null }));
    expect(within(section()).queryAllByRole('button')).toHaveLength(0);
  });

  it('BD flags an unflagged client with a reason and a priority; focus returns to the flag button', async () => {
    const { called } = renderSidebar(readyView({ me: BD }, { candidateFlag: null }));
    fireEvent.click(within(section()).getByRole('button', { name: 'Flag as candidate' }));
    const reason = screen.getByLabelText('Why is this client a candidate?');
    expect(document.activeElement).toBe(reason);
    fireEvent.change(reason, { target: { value: 'New GC wants in-house support for the carve-out.' } });
    fireEvent.change(screen.getByLabelText('Priority'), { target: { value: 'low' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Save flag' })));
    expect(called('setFlag')[0]?.args).toEqual(['c-northwind', { reason: 'New GC wants in-house support for the carve-out.', priority: 'low' }]);
    expect(screen.queryByRole('form')).toBeNull();
    expect(document.activeElement).toBe(within(section()).getByRole('button', { name: 'Flag as candidate' }));
  });

  it('BD edits the existing flag (prefilled) and clears it, after confirming', async () => {
    const { called } = renderSidebar(readyView({ me: BD }));
    fireEvent.click(within(section()).getByRole('button', { name: 'Edit flag' }));
    expect((screen.getByLabelText('Why is this client a candidate?') as HTMLTextAreaElement).value).toBe('Expanding into the Netherlands; GC asked about a second secondee.');
    expect((screen.getByLabelText('Priority') as HTMLSelectElement).value).toBe('high');
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(document.activeElement).toBe(within(section()).getByRole('button', { name: 'Edit flag' }));
    await act(async () => fireEvent.click(within(section()).getByRole('button', { name: 'Clear flag' })));
    expect(called('clearFlag')).toHaveLength(0); // destructive: one click only asks
    await act(async () => fireEvent.click(within(section()).getByRole('button', { name: 'Keep it' })));
    expect(called('clearFlag')).toHaveLength(0);
    await act(async () => fireEvent.click(within(section()).getByRole('button', { name: 'Clear flag' })));
    await act(async () => fireEvent.click(within(section()).getByRole('button', { name: 'Yes, clear it' })));
    expect(called('clearFlag')[0]?.args).toEqual(['c-northwind']);
  });

  it('a flag change that met someone else’s: who changed it, Use theirs and Apply mine again', async () => {
    const theirs = { clientId: 'c-northwind', flaggedBy: { userId: 'u-other', name: 'Omar Reyes' }, flaggedAt: '2026-06-11T09:30:00Z', reason: 'Board approved the Rotterdam hub.', priority: 'medium' as const, version: 'v7' };
    const outbox = [{ id: 'f3', clientId: 'c-northwind', createdAt: '2026-06-11T12:00:00Z', state: 'conflict' as const, attempts: 1, currentFlag: theirs, payload: { kind: 'flag-set' as const, flag: { reason: 'Mine', priority: 'low' as const }, seenVersion: 'v6' } }];
    const { called } = renderSidebar(readyView({ me: BD, outbox }));
    const conflict = within(section()).getByTestId('flag-conflict');
    expect(conflict.textContent).toContain('Omar Reyes');
    expect(conflict.textContent).toContain('Board approved the Rotterdam hub.');
    expect(conflict.textContent).toContain('Mine');
    fireEvent.click(within(conflict).getByRole('button', { name: 'Apply mine again' }));
    expect(called('reapplyOutboxItem')[0]?.args).toEqual(['f3']);
    fireEvent.click(within(conflict).getByRole('button', { name: 'Use theirs' }));
    expect(called('discardOutboxItem')[0]?.args).toEqual(['f3']);
  });

  it('a flag change that can no longer be saved shows its text with Copy and Discard', async () => {
    const outbox = [{ id: 'f4', clientId: 'c-northwind', createdAt: '2026-06-11T12:00:00Z', state: 'dead-letter' as const, attempts: 5, reason: 'The firm endpoint failed every time it was sent.', payload: { kind: 'flag-set' as const, flag: { reason: 'Keep this text', priority: 'high' as const } } }];
    const { called } = renderSidebar(readyView({ me: BD, outbox }));
    const letter = within(section()).getByTestId('dead-letter');
    expect(letter.textContent).toContain('The firm endpoint failed every time it was sent.');
    expect((within(letter).getByRole('textbox') as HTMLTextAreaElement).value).toBe('Secondment candidate (High priority): Keep this text');
    await act(async () => fireEvent.click(within(letter).getByRole('button', { name: /Copy/ })));
    expect(called('copyText')[0]?.args).toEqual(['Secondment candidate (High priority): Keep this text']);
    expect(letter.textContent).toContain('Copied');
    fireEvent.click(within(letter).getByRole('button', { name: /Discard/ }));
    expect(called('discardOutboxItem')[0]?.args).toEqual(['f4']);
  });

  it('BD: an empty reason is refused next to the field and nothing is sent', () => {
    const { called } = renderSidebar(readyView({ me: BD }, { candidateFlag: null }));
    fireEvent.click(within(section()).getByRole('button', { name: 'Flag as candidate' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save flag' }));
    expect(called('setFlag')).toHaveLength(0);
    const reason = screen.getByLabelText('Why is this client a candidate?');
    expect(reason.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(reason.getAttribute('aria-describedby')!)!.textContent).toBe('Say why this client is a candidate.');
  });

  it('shows a flag change on its way, and a refused one with the reason and Dismiss', () => {
    const outbox = [
      { id: 'f1', clientId: 'c-northwind', createdAt: '2026-06-11T12:00:00Z', state: 'pending' as const, attempts: 0, payload: { kind: 'flag-clear' as const } },
      { id: 'f2', clientId: 'c-northwind', createdAt: '2026-06-11T12:00:00Z', state: 'rejected' as const, attempts: 1, reason: 'Only business development may flag clients.', payload: { kind: 'flag-set' as const, flag: { reason: 'x', priority: 'low' as const } } },
    ];
    const { called } = renderSidebar(readyView({ me: BD, outbox }));
    expect(section().textContent).toContain('Clearing the flag…');
    expect(section().textContent).toContain('Saving the flag was refused: Only business development may flag clients.');
    fireEvent.click(within(section()).getByRole('button', { name: 'Dismiss' }));
    expect(called('discardOutboxItem')[0]?.args).toEqual(['f2']);
  });
});
