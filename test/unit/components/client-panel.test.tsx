// @vitest-environment happy-dom
import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { readyView } from './fixtures';
import { renderSidebar } from './render';

describe('Sidebar ready: the client’s secondment relationship', () => {
  it('header: client name as the main heading, the bound record, the summary line and a refresh', () => {
    const { called } = renderSidebar(readyView());
    expect(screen.getByRole('main', { name: 'Northwind Logistics plc' })).toBeTruthy();
    expect(screen.getByTestId('bound-record').textContent).toBe('Clio contact · Northwind Logistics plc (1001)');
    expect(screen.getByTestId('summary').textContent).toBe('2 active · 2 past · 3 open needs · candidate');
    fireEvent.click(screen.getByRole('button', { name: 'Refresh' }));
    expect(called('refresh')).toHaveLength(1);
  });

  it('summary leaves out "candidate" and says "1 open need" when that is the case', () => {
    const view = readyView({}, { candidateFlag: null, needs: readyView().context.needs.slice(0, 1) });
    renderSidebar(view);
    expect(screen.getByTestId('summary').textContent).toBe('2 active · 2 past · 1 open need');
  });

  it('active secondees first: person, role, host team, mentor, dates, days left, direction; the planned one under "Starting soon"', () => {
    renderSidebar(readyView());
    const section = screen.getByTestId('active-secondees');
    const cards = [...within(section).getAllByRole('listitem'), ...within(screen.getByTestId('starting-soon')).getAllByRole('listitem')];
    expect(cards.map((c) => c.getAttribute('data-secondment-id'))).toEqual(['s-northwind-okafor', 's-northwind-reverse-verma', 's-northwind-planned-iyer']);
    const sam = cards[0]!.textContent!;
    expect(sam).toContain('Sam Okafor');
    expect(sam).toContain('Senior Associate, Commercial · with Group Legal');
    expect(sam).toContain('Mentor: Helen Cho, General Counsel');
    expect(sam).toMatch(/2026 → .*2026 · 177 days left/);
    expect(within(cards[0]!).getByText('Secondment')).toBeTruthy();
    const verma = cards[1]!.textContent!;
    expect(verma).toContain('Reverse secondment');
    expect(verma).toContain('from Commercial');
    expect(verma).toContain('10 days left');
    expect(cards[2]!.textContent).toContain('starts later');
    // The heading counts the cards under it (it once said 2 over 3 cards).
    expect(within(section).getByRole('heading', { level: 2 }).textContent).toBe('Active secondees 2');
    expect(within(screen.getByTestId('starting-soon')).getByRole('heading', { level: 2 }).textContent).toBe('Starting soon 1');
  });

  it('an overdue check-in stands out with a word, not colour alone; a future one reads plainly', () => {
    renderSidebar(readyView());
    const [sam, verma] = screen.getAllByTestId('check-in');
    expect(sam!.className).toBe('overdue');
    expect(sam!.textContent).toMatch(/^Overdue Check-in overdue since /);
    expect(verma!.className).toBe('');
    expect(verma!.textContent).toMatch(/^Next check-in /);
  });

  it('open objectives grouped by secondment with their status; met ones left out', () => {
    renderSidebar(readyView());
    const section = screen.getByTestId('open-objectives');
    expect(within(section).getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual(['Sam Okafor', 'Aisha Verma (reverse)']);
    expect(section.textContent).toContain('In progress Build ties with the procurement team · Relationship');
    expect(section.textContent).toContain('Open Shadow a share purchase · Knowledge exchange');
    expect(section.textContent).not.toContain('Learn the in-house contract workflow');
  });

  it('history: past secondments newest first, both directions, with the outcome', () => {
    renderSidebar(readyView());
    const items = within(screen.getByTestId('history')).getAllByRole('listitem');
    expect(items.map((i) => i.querySelector('strong')!.textContent)).toEqual(['Niamh Brennan', 'Tom Price']);
    expect(items[0]!.textContent).toContain('Ended early');
    expect(items[0]!.textContent).toContain('1 of 2 objectives met'); // the dropped objective does not count
    expect(items[1]!.textContent).toContain('Most objectives met. Strong relationship with procurement; two new matters.');
  });

  it('empty sections say so in words', () => {
    renderSidebar(readyView({}, { secondments: [], needs: [], candidateFlag: null }));
    expect(screen.getByText('Nobody is seconded to or from this client now.')).toBeTruthy();
    expect(screen.getByText('No open objectives.')).toBeTruthy();
    expect(screen.getByText('No needs recorded yet.')).toBeTruthy();
    expect(screen.getByText('Not flagged as a secondment candidate.')).toBeTruthy();
    expect(screen.getByText('No past secondments.')).toBeTruthy();
  });

  it('hostile strings from the endpoint are shown as text, never as markup', () => {
    const view = readyView({}, { client: { id: 'c-northwind', name: '<img src=x onerror=alert(1)>', industry: '', externalIds: [] } });
    const { container } = renderSidebar(view);
    expect(container.querySelector('img')).toBeNull();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('<img src=x onerror=alert(1)>');
  });
});

describe('Secondment outcome', () => {
  it('says the verdict once when the review summary already opens with it', () => {
    const past = readyView().context.secondments.find((s) => s.id === 's-northwind-price')!;
    const echoed = { ...past, review: { objectivesMet: 'all' as const, summary: 'All objectives met. The host team asked for a follow-on placement.' } };
    renderSidebar(readyView({}, { secondments: [echoed] }));
    expect(within(screen.getByTestId('history')).getByText(/follow-on/).textContent).toBe('All objectives met. The host team asked for a follow-on placement.');
  });
});
