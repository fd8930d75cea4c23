// @vitest-environment happy-dom
import { act, fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { outboxNeed, readyView } from './fixtures';
import { renderSidebar } from './render';

const item = (state: string) => document.querySelector(`li[data-outbox-state="${state}"]`) as HTMLElement;

describe('Needs the user logged that the endpoint has not confirmed yet', () => {
  it('pending: listed first, before the confirmed needs, as "Sending…"', () => {
    renderSidebar(readyView({ outbox: [outboxNeed('pending')] }));
    const first = within(screen.getByRole('list', { name: 'Unmet needs' })).getAllByRole('listitem')[0]!;
    expect(first.getAttribute('data-outbox-state')).toBe('pending');
    expect(first.textContent).toContain('Need that is pending');
    expect(first.textContent).toContain('Sending…');
  });

  it('pending after a failed attempt: says why, that it is kept, and offers "Try now"', () => {
    const { called } = renderSidebar(readyView({ outbox: [outboxNeed('pending', { attempts: 2, reason: 'The firm endpoint cannot be reached.' })] }));
    expect(item('pending').textContent).toContain('Waiting to send');
    expect(item('pending').textContent).toContain('The firm endpoint cannot be reached. It is kept and will be sent.');
    fireEvent.click(within(item('pending')).getByRole('button', { name: 'Try now' }));
    expect(called('retryOutbox')).toHaveLength(1);
  });

  it('rejected: shows the reason; Edit reopens the form with what was typed and the field errors; the new one replaces it', async () => {
    const rejected = outboxNeed('rejected', { attempts: 1, reason: 'The firm endpoint refused the need.', fieldErrors: { practiceArea: 'Not one of the firm’s practice areas.' } });
    const { called } = renderSidebar(readyView({ outbox: [rejected] }));
    expect(item('rejected').textContent).toContain('Not saved');
    expect(item('rejected').textContent).toContain('The firm endpoint refused the need.');
    fireEvent.click(within(item('rejected')).getByRole('button', { name: 'Edit “Need that is rejected”' }));
    expect((screen.getByLabelText('Need') as HTMLInputElement).value).toBe('Need that is rejected');
    expect((screen.getByLabelText(/^Detail/) as HTMLTextAreaElement).value).toBe('Typed earlier');
    expect(screen.getByText('Not one of the firm’s practice areas.')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Practice area'), { target: { value: 'Commercial' } });
    await act(async () => fireEvent.submit(screen.getByRole('form', { name: 'Log a need' })));
    expect(called('logNeed')).toHaveLength(1);
    expect(called('discardOutboxItem')[0]?.args).toEqual(['ob-rejected']);
  });

  it('rejected: Discard removes it', () => {
    const { called } = renderSidebar(readyView({ outbox: [outboxNeed('rejected', { reason: 'No access.' })] }));
    fireEvent.click(within(item('rejected')).getByRole('button', { name: 'Discard “Need that is rejected”' }));
    expect(called('discardOutboxItem')[0]?.args).toEqual(['ob-rejected']);
  });

  it('needs-sign-in: kept, with a way to sign in again', () => {
    const { called } = renderSidebar(readyView({ outbox: [outboxNeed('needs-sign-in', { attempts: 1 })] }));
    expect(item('needs-sign-in').textContent).toContain('Sign in to send');
    expect(item('needs-sign-in').textContent).toContain('It is kept and will be sent once you sign in again.');
    fireEvent.click(within(item('needs-sign-in')).getByRole('button', { name: 'Sign in' }));
    expect(called('openOptions')).toHaveLength(1);
  });

  it('done: "Saved" with the endpoint’s reference, until the need itself arrives in the context', () => {
    const done = outboxNeed('done', { attempts: 1, receiptId: 'n-4711' });
    const first = renderSidebar(readyView({ outbox: [done] }));
    expect(item('done').textContent).toContain('Saved');
    expect(item('done').textContent).toContain('reference n-4711');
    first.unmount();
    const arrived = readyView().context.needs[0]!;
    renderSidebar(readyView({ outbox: [{ ...done, receiptId: arrived.id }] }));
    expect(item('done')).toBeNull(); // shown once, as the confirmed need
  });
});
