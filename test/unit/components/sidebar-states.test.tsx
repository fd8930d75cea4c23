// @vitest-environment happy-dom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { SidebarView } from '@/lib/messaging/sidebar-view';
import { outboxNeed, RECORD } from './fixtures';
import { renderSidebar } from './render';

const view = (v: unknown) => SidebarView.parse(v);

describe('Sidebar states other than ready', () => {
  it('idle: says no record was recognised and points to the generic plug-in rules in the options', () => {
    const { called } = renderSidebar(view({ status: 'idle' }));
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('No client record on this page');
    expect(screen.getByText(/did not recognise it/).textContent).toContain('generic plug-in');
    fireEvent.click(screen.getByRole('button', { name: 'Add a rule in the options' }));
    expect(called('openOptions')).toHaveLength(1);
  });

  it('idle in the in-page frame (shown only while the page has a record): waits for the look-up, never says "no record"', () => {
    renderSidebar(view({ status: 'idle' }), { shownOnlyWithRecord: true });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Looking up this client…');
    expect(screen.queryByText(/No client record/)).toBeNull();
    expect(screen.queryByRole('button', { name: 'Add a rule in the options' })).toBeNull();
  });

  it.each([
    ['no-endpoint', 'Not connected', 'not connected to your firm yet'],
    ['no-token', 'Sign in needed', 'Sign in to see secondment information.'],
    ['rejected', 'Sign in needed', 'Your sign-in has expired or was refused.'],
    ['no-permission', 'Sign in needed', 'needs your permission'],
  ])('signed-out (%s): says why in plain words and opens the options', (reason, title, text) => {
    const { called } = renderSidebar(view({ status: 'signed-out', reason }));
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(title);
    expect(screen.getByText(text, { exact: false })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Open the options to sign in' }));
    expect(called('openOptions')).toHaveLength(1);
  });

  it('loading: names the record being looked up and announces progress', () => {
    renderSidebar(view({ status: 'loading', record: RECORD }));
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Looking up this client…');
    expect(screen.getByTestId('bound-record').textContent).toContain('Clio contact · Northwind Logistics plc');
    expect(screen.getByRole('status').textContent).toBe('Asking the firm endpoint.');
  });

  it('not-found: searches the firm’s clients (starting from the page’s label) and links the record to the one chosen', async () => {
    const harbor = { id: 'c-harbor', name: 'Harbor Biotech Ltd', industry: 'Life Sciences' };
    const { called } = renderSidebar(view({ status: 'not-found', record: { ...RECORD, externalId: '1999', label: 'Harbor Bio' } }), {
      actions: { searchClients: async () => ({ ok: true, value: [harbor] }) },
    });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Not a client we know');
    const box = screen.getByRole('searchbox', { name: 'Search the firm’s clients' }) as HTMLInputElement;
    expect(box.value).toBe('Harbor Bio');
    fireEvent.submit(screen.getByRole('search'));
    await waitFor(() => expect(screen.getByRole('button', { name: /Link to Harbor Biotech Ltd/ })).toBeTruthy());
    expect(called('searchClients')[0]?.args).toEqual(['Harbor Bio']);
    fireEvent.click(screen.getByRole('button', { name: /Link to Harbor Biotech Ltd/ }));
    expect(called('linkRecord')[0]?.args).toEqual(['c-harbor']);
  });

  it('not-found: says so when no client matches the search', async () => {
    renderSidebar(view({ status: 'not-found', record: RECORD }));
    fireEvent.submit(screen.getByRole('search'));
    await waitFor(() => expect(screen.getByText('No client by that name.')).toBeTruthy());
  });

  it('ambiguous: lists the matches and picks one; a refused pick is explained', async () => {
    const matches = [
      { id: 'c-aldgate', name: 'Aldgate Capital LLP', industry: 'Asset Management' },
      { id: 'c-aldgate-holdings', name: 'Aldgate Capital Holdings Ltd', industry: 'Asset Management' },
    ];
    const { called } = renderSidebar(view({ status: 'ambiguous', record: RECORD, matches }), {
      actions: { pickClient: async () => ({ ok: false, error: { code: 'forbidden', message: 'You no longer have access to that client.' } }) },
    });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Which client is this?');
    const list = screen.getByRole('list', { name: 'Which client is this?' });
    expect(within(list).getAllByRole('button').map((b) => b.textContent)).toEqual([
      'Aldgate Capital LLP Asset Management', 'Aldgate Capital Holdings Ltd Asset Management',
    ]);
    fireEvent.click(within(list).getAllByRole('button')[1]!);
    expect(called('pickClient')[0]?.args).toEqual(['c-aldgate-holdings']);
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('You no longer have access to that client.'));
  });

  it('restricted: shows neither the client’s name nor the page’s label for the record', () => {
    const { container } = renderSidebar(view({ status: 'restricted', record: { ...RECORD, externalId: '1002', label: 'Harbor Biotech Ltd' } }));
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Restricted');
    expect(container.textContent).toContain('This client is not available to you');
    expect(container.textContent).toContain('risk or conflicts team');
    expect(container.textContent).not.toContain('Harbor');
    expect(screen.getByTestId('bound-record').textContent).toBe('Clio contact (1002)');
  });

  it('restricted: the user’s own writes for the client that will not be saved stay readable, to copy', () => {
    const unsent = [outboxNeed('dead-letter', { reason: 'This client is not available to you any more, so this was not saved.' })];
    const { called } = renderSidebar(view({ status: 'restricted', record: RECORD, unsent }));
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Your writes for this client that were not saved');
    expect((screen.getByRole('textbox') as HTMLTextAreaElement).value).toBe('Need that is dead-letter\nPractice area: Commercial\nTyped earlier');
    fireEvent.click(screen.getByRole('button', { name: /Discard/ }));
    expect(called('discardOutboxItem')[0]?.args).toEqual(['ob-dead-letter']);
  });

  it('error: a short message, details for IT behind a toggle, and a retry', () => {
    const { called } = renderSidebar(view({
      status: 'error', record: RECORD,
      problem: { code: 'http-502', message: 'The firm endpoint has a problem right now.', detail: 'HTTP 502 from https://lens.firm.example/v1/clients/c-northwind/context' },
    }));
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Could not load this client');
    expect(screen.getByRole('alert').textContent).toContain('The firm endpoint has a problem right now.');
    const toggle = screen.getByRole('button', { name: 'Details for IT' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(screen.getByText(/HTTP 502/).hidden).toBe(true);
    fireEvent.click(toggle);
    expect(screen.getByRole('button', { name: 'Hide details for IT' }).getAttribute('aria-expanded')).toBe('true');
    expect(screen.getByText(/HTTP 502/).hidden).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(called('refresh')).toHaveLength(1);
  });

  it('every state is a main landmark named by its heading, and offers collapse only when collapsible', () => {
    const states = [
      view({ status: 'idle' }), view({ status: 'signed-out', reason: 'no-token' }), view({ status: 'loading', record: RECORD }),
      view({ status: 'not-found', record: RECORD }), view({ status: 'ambiguous', record: RECORD, matches: [] }),
      view({ status: 'restricted', record: RECORD }), view({ status: 'error', record: RECORD, problem: { code: 'x', message: 'Broken.' } }),
    ];
    for (const v of states) {
      const frame = renderSidebar(v);
      expect(screen.getByRole('main', { name: screen.getByRole('heading', { level: 1 }).textContent! })).toBeTruthy();
      fireEvent.click(screen.getByRole('button', { name: 'Collapse the sidebar' }));
      expect(frame.called('setCollapsed')[0]?.args).toEqual([true]);
      frame.unmount();
      const panel = renderSidebar(v, { collapsible: false });
      expect(screen.queryByRole('button', { name: 'Collapse the sidebar' })).toBeNull();
      panel.unmount();
    }
  });
});
