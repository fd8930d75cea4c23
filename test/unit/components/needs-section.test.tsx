// @vitest-environment happy-dom
import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { readyView } from './fixtures';
import { renderSidebar } from './render';

const titles = () => within(screen.getByRole('list', { name: 'Unmet needs' })).getAllByRole('listitem').map((li) => li.querySelector('strong')!.textContent);

describe('Unmet needs list', () => {
  it('shows open needs newest first, with status, practice area, who, when and the source secondment', () => {
    renderSidebar(readyView());
    expect(titles()).toEqual(['GDPR review of the new HR system', 'Dutch employment contracts for Rotterdam depot', 'Warehouse lease renewals']);
    const gdpr = screen.getByText('GDPR review of the new HR system').closest('li')!;
    expect(gdpr.textContent).toContain('New');
    expect(gdpr.textContent).toMatch(/Data Protection · Sam Okafor, .*2026 · from Sam Okafor’s secondment · in confidence/);
    expect(gdpr.textContent).toContain('Rollout in Q3.');
  });

  it('filters by status: all, one status, and says so when none has it', () => {
    renderSidebar(readyView());
    const filter = screen.getByRole('combobox', { name: 'Show needs' });
    fireEvent.change(filter, { target: { value: 'all' } });
    expect(titles()).toHaveLength(5);
    fireEvent.change(filter, { target: { value: 'won' } });
    expect(titles()).toEqual(['Supplier terms refresh']);
    fireEvent.change(filter, { target: { value: 'declined' } });
    expect(titles()).toEqual(['Customs classification audit']);
    fireEvent.change(filter, { target: { value: 'qualified' } });
    expect(titles()).toEqual(['Dutch employment contracts for Rotterdam depot']);
  });

  it('says no need has the status when the filter leaves none', () => {
    renderSidebar(readyView({}, { needs: readyView().context.needs.filter((n) => n.status !== 'won') }));
    fireEvent.change(screen.getByRole('combobox', { name: 'Show needs' }), { target: { value: 'won' } });
    expect(screen.getByText('No needs with this status.')).toBeTruthy();
  });

  it('"Log a need" is offered to every role, one click away', () => {
    renderSidebar(readyView());
    const button = screen.getByRole('button', { name: 'Log a need' });
    expect(button.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(button);
    expect(screen.getByRole('form', { name: 'Log a need' })).toBeTruthy();
    expect(button.getAttribute('aria-expanded')).toBe('true');
  });
});

describe('a client with many needs', () => {
  const many = (count: number) => {
    const base = readyView().context.needs[0]!;
    return Array.from({ length: count }, (_, i) => ({
      ...base, id: `n-many-${i}`, title: `Need number ${i}`, status: 'new' as const,
      identifiedAt: new Date(Date.UTC(2026, 0, 1) + i * 3_600_000).toISOString(),
    }));
  };

  it('lists the newest 25 open needs, then 50 more at a time, focus on the first revealed; the count says how many there are', () => {
    renderSidebar(readyView({}, { needs: many(90) }));
    expect(titles()).toHaveLength(25);
    expect(titles()[0]).toBe('Need number 89');
    expect(screen.getByTestId('needs').textContent).toContain('90');
    fireEvent.click(screen.getByRole('button', { name: 'Show 50 more (65 not shown)' }));
    expect(titles()).toHaveLength(75);
    expect(document.activeElement?.textContent).toContain('Need number 64');
    fireEvent.click(screen.getByRole('button', { name: 'Show the other 15' }));
    expect(titles()).toHaveLength(90);
    expect(titles().at(-1)).toBe('Need number 0');
    expect(document.activeElement?.textContent).toContain('Need number 14');
    expect(screen.queryByRole('button', { name: /^Show (the other|\d+ more)/ })).toBeNull();
  });

  it('starts again from 25 when the filter changes', () => {
    renderSidebar(readyView({}, { needs: many(40) }));
    fireEvent.click(screen.getByRole('button', { name: 'Show the other 15' }));
    expect(titles()).toHaveLength(40);
    fireEvent.change(screen.getByRole('combobox', { name: 'Show needs' }), { target: { value: 'all' } });
    expect(titles()).toHaveLength(25);
  });
});
