// @vitest-environment happy-dom
import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { formatTime } from '@/lib/format/dates';
import { NOW, readyView } from './fixtures';
import { renderSidebar } from './render';

const minutesAgo = (m: number) => new Date(NOW - m * 60_000).toISOString();
const yesterday1605 = new Date(2026, 5, 10, 16, 5);

describe('Freshness line', () => {
  it('fresh: "Updated 2 min ago"', () => {
    renderSidebar(readyView({ freshness: { fetchedAt: minutesAgo(2), state: 'fresh' } }));
    expect(screen.getByTestId('freshness').textContent).toBe('Updated 2 min ago');
  });

  it('fresh a moment ago: "Updated just now"', () => {
    renderSidebar(readyView({ freshness: { fetchedAt: minutesAgo(0.2), state: 'fresh' } }));
    expect(screen.getByTestId('freshness').textContent).toBe('Updated just now');
  });

  it('revalidating (stale cache on screen): says a check is running and how old the data is', () => {
    renderSidebar(readyView({ freshness: { fetchedAt: minutesAgo(180), state: 'revalidating' } }));
    expect(screen.getByTestId('freshness').textContent).toBe('Checking for updates · from 3 h ago');
  });

  it('offline: "Offline — from yesterday 16:05" and the reason', () => {
    renderSidebar(readyView({
      freshness: { fetchedAt: yesterday1605.toISOString(), state: 'offline', problem: { code: 'offline', message: 'The firm endpoint cannot be reached.' } },
    }));
    const line = screen.getByTestId('freshness');
    expect(line.querySelector('span')!.textContent).toBe(`Offline — from yesterday ${formatTime(yesterday1605.getTime())}`);
    expect(line.textContent).toContain('The firm endpoint cannot be reached.');
    expect(line.getAttribute('role')).toBe('status');
  });

  it('error: "Could not update", the reason, and details for IT behind a toggle', () => {
    renderSidebar(readyView({
      freshness: { fetchedAt: new Date(2026, 5, 8, 9, 0).toISOString(), state: 'error', problem: { code: 'http-500', message: 'The firm endpoint has a problem right now.', detail: 'HTTP 500 Internal Server Error' } },
    }));
    const line = screen.getByTestId('freshness');
    expect(line.querySelector('span')!.textContent).toMatch(/^Could not update — from .*2026 .*9:00/);
    expect(line.textContent).toContain('The firm endpoint has a problem right now.');
    fireEvent.click(within(line).getByRole('button', { name: 'Details for IT' }));
    expect(within(line).getByText('HTTP 500 Internal Server Error').hidden).toBe(false);
  });
});
