// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { SyncStatus } from '@/components/options/SyncStatus';

afterEach(cleanup);
const base = { startedAt: 1_000_000, finishedAt: null, applied: 0, pages: 0, error: null, fetchMs: 0, applyMs: 0 };

describe('the book sync line in the options page', () => {
  it('says when nothing has been copied yet', () => {
    render(<SyncStatus sync={null} now={0} />);
    expect(screen.getByTestId('sync-status').textContent).toContain('has not been copied');
  });

  it('shows progress while running', () => {
    render(<SyncStatus sync={{ ...base, state: 'running', applied: 12_000 }} now={1_004_000} />);
    expect(screen.getByRole('status').textContent).toMatch(/12[,.\s ]?000 changes so far \(4 s\)/);
  });

  it('says how current the book is once done', () => {
    render(<SyncStatus sync={{ ...base, state: 'done', applied: 75, finishedAt: 1_002_500 }} now={2_000_000} />);
    expect(screen.getByTestId('sync-status').textContent).toContain('75 changes in the last update, 2.5 s');
  });

  it('says that a stopped update resumes', () => {
    render(<SyncStatus sync={{ ...base, state: 'error', error: 'The firm endpoint cannot be reached.' }} now={0} />);
    expect(screen.getByTestId('sync-status').textContent).toContain('cannot be reached. It will resume where it stopped.');
  });

  it('says when a stopped update tries again', () => {
    render(<SyncStatus sync={{ ...base, state: 'error', error: 'The firm endpoint is busy; trying again shortly.', nextAttemptAt: 1_000_000 + 90_000 }} now={1_000_000} />);
    expect(screen.getByTestId('sync-status').textContent).toMatch(/It will resume where it stopped, not before .+\./);
  });

  it('counts the changes skipped because they failed the contract', () => {
    render(<SyncStatus sync={{ ...base, state: 'done', finishedAt: 1_000_100 }} quarantined={3} now={2_000_000} />);
    expect(screen.getByTestId('sync-quarantine').textContent).toContain('3 changes from the firm endpoint did not match the contract and were skipped');
  });

  it('says nothing of skipped changes when there are none', () => {
    render(<SyncStatus sync={{ ...base, state: 'done', finishedAt: 1_000_100 }} quarantined={0} now={2_000_000} />);
    expect(screen.queryByTestId('sync-quarantine')).toBeNull();
  });
});
