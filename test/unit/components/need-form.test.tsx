// @vitest-environment happy-dom
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Result } from '@/lib/messaging/result';
import { readyView, SECONDEE } from './fixtures';
import { renderSidebar } from './render';

const field = (label: string | RegExp) => screen.getByLabelText(label) as HTMLInputElement;
const open = () => fireEvent.click(screen.getByRole('button', { name: 'Log a need' }));

describe('Log-a-need form', () => {
  it('opens with focus on the title', () => {
    renderSidebar(readyView());
    open();
    expect(document.activeElement).toBe(field('Need'));
  });

  it('refuses a missing title and practice area next to each field, focuses the first, and keeps what was typed', () => {
    const { called } = renderSidebar(readyView());
    open();
    fireEvent.change(field(/^Detail/), { target: { value: 'Rotterdam depot needs Dutch contracts.' } });
    fireEvent.click(field('Learned in confidence'));
    fireEvent.click(screen.getByRole('button', { name: 'Log need' }));
    expect(called('logNeed')).toHaveLength(0);
    expect(field('Need').getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(field('Need').getAttribute('aria-describedby')!)!.textContent).toBe('Give the need a title.');
    expect(document.getElementById(field('Practice area').getAttribute('aria-describedby')!)!.textContent).toBe('Choose a practice area.');
    expect(document.activeElement).toBe(field('Need'));
    expect(field(/^Detail/).value).toBe('Rotterdam depot needs Dutch contracts.');
    expect(field('Learned in confidence').checked).toBe(true);
  });

  it('a title of spaces only is refused like an empty one', () => {
    renderSidebar(readyView());
    open();
    fireEvent.change(field('Need'), { target: { value: '   ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Log need' }));
    expect(screen.getByText('Give the need a title.')).toBeTruthy();
  });

  it('sends the need with the client, and focus goes back to "Log a need" once logged', async () => {
    const { called } = renderSidebar(readyView());
    open();
    fireEvent.change(field('Need'), { target: { value: 'Dutch employment contracts' } });
    fireEvent.change(field('Practice area'), { target: { value: 'Employment' } });
    fireEvent.change(field(/^Detail/), { target: { value: 'Depot opens in May.' } });
    fireEvent.click(field('Learned in confidence'));
    await act(async () => fireEvent.submit(screen.getByRole('form', { name: 'Log a need' })));
    expect(called('logNeed')[0]?.args).toEqual(['c-northwind', { title: 'Dutch employment contracts', practiceArea: 'Employment', detail: 'Depot opens in May.', confidential: true, sourceSecondmentId: null }]);
    expect(screen.queryByRole('form', { name: 'Log a need' })).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Log a need' }));
  });

  it('Enter on the practice area (a select) submits, as it does in the title', async () => {
    const { called } = renderSidebar(readyView());
    open();
    fireEvent.change(field('Need'), { target: { value: 'Customs audit' } });
    fireEvent.change(field('Practice area'), { target: { value: 'Trade' } });
    await act(async () => fireEvent.keyDown(field('Practice area'), { key: 'Enter' }));
    expect(called('logNeed')).toHaveLength(1);
  });

  it('on failure keeps everything typed and says why', async () => {
    const refused: Result<unknown> = { ok: false, error: { code: 'unreachable', message: 'Secondment Lens could not reach its background.' } };
    renderSidebar(readyView(), { actions: { logNeed: async () => refused } });
    open();
    fireEvent.change(field('Need'), { target: { value: 'Warehouse leases' } });
    fireEvent.change(field('Practice area'), { target: { value: 'Real Estate' } });
    fireEvent.change(field(/^Detail/), { target: { value: 'Three sites.' } });
    await act(async () => fireEvent.submit(screen.getByRole('form', { name: 'Log a need' })));
    expect(screen.getByRole('alert').textContent).toBe('Secondment Lens could not reach its background.');
    expect(field('Need').value).toBe('Warehouse leases');
    expect(field('Practice area').value).toBe('Real Estate');
    expect(field(/^Detail/).value).toBe('Three sites.');
  });

  it('while the need is being logged, the form says so and takes no edit (it would be lost when the form closes)', async () => {
    let answer: (result: Result<unknown>) => void = () => undefined;
    const { called } = renderSidebar(readyView(), { actions: { logNeed: () => new Promise((resolve) => { answer = resolve; }) } });
    open();
    fireEvent.change(field('Need'), { target: { value: 'Customs audit' } });
    fireEvent.change(field('Practice area'), { target: { value: 'Trade' } });
    await act(async () => fireEvent.submit(screen.getByRole('form', { name: 'Log a need' })));
    const form = screen.getByRole('form', { name: 'Log a need' });
    expect(form.getAttribute('aria-busy')).toBe('true');
    expect(screen.getByRole('button', { name: 'Logging…' }).getAttribute('aria-disabled')).toBe('true');
    expect(field('Need').readOnly).toBe(true);
    expect(field(/^Detail/).readOnly).toBe(true);
    fireEvent.change(field('Need'), { target: { value: 'Customs audit and more' } });
    fireEvent.change(field('Practice area'), { target: { value: 'Employment' } });
    fireEvent.click(field('Learned in confidence'));
    expect(field('Need').value).toBe('Customs audit');
    expect(field('Practice area').value).toBe('Trade');
    expect(field('Learned in confidence').checked).toBe(false);
    // Refused: the form is editable again, with what was sent.
    await act(async () => answer({ ok: false, error: { code: 'unreachable', message: 'Secondment Lens could not reach its background.' } }));
    expect(form.getAttribute('aria-busy')).toBeNull();
    expect(field('Need').readOnly).toBe(false);
    fireEvent.change(field('Need'), { target: { value: 'Customs audit, 2027' } });
    expect(field('Need').value).toBe('Customs audit, 2027');
    expect(called('logNeed')).toHaveLength(1);
  });

  it('Cancel and Escape close the form and focus returns to "Log a need"', async () => {
    renderSidebar(readyView());
    open();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('form', { name: 'Log a need' })).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Log a need' }));
    open();
    fireEvent.keyDown(field('Need'), { key: 'Escape' });
    expect(screen.queryByRole('form', { name: 'Log a need' })).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Log a need' })));
  });

  it('offers the practice areas the endpoint supplies', () => {
    renderSidebar(readyView({ practiceAreas: ['Tax', 'Pensions'] }));
    open();
    expect([...(field('Practice area') as unknown as HTMLSelectElement).options].map((o) => o.textContent)).toEqual(['Choose…', 'Tax', 'Pensions']);
  });

  it('prefills the source secondment when the user is the secondee there, and not otherwise', async () => {
    const mine = renderSidebar(readyView({ me: SECONDEE }));
    open();
    expect(field('Noticed during').value).toBe('s-northwind-okafor');
    fireEvent.change(field('Need'), { target: { value: 'HR system GDPR' } });
    fireEvent.change(field('Practice area'), { target: { value: 'Data Protection' } });
    await act(async () => fireEvent.submit(screen.getByRole('form', { name: 'Log a need' })));
    expect((mine.called('logNeed')[0]?.args[1] as { sourceSecondmentId: string }).sourceSecondmentId).toBe('s-northwind-okafor');
    mine.unmount();

    renderSidebar(readyView());
    open();
    expect(field('Noticed during').value).toBe('');
  });
});
