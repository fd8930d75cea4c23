import { describe, expect, it } from 'vitest';
import { RecordReports } from '@/lib/background/record-reports';

// Each record report comes twice (the content script's runtime message, and the frame passing on
// the one it got on the content script's port): the first is acted on, and the frame's only with
// the nonce the content script gave the worker itself.

const PAGE = '0123456789abcdef0123456789abcdef';
const NEXT_PAGE = 'fedcba9876543210fedcba9876543210';

describe('RecordReports', () => {
  it('acts on the first of the two copies of a report, whichever way it came', () => {
    const reports = new RecordReports();
    expect(reports.fromContent(7, PAGE, 1)).toBe(true); // the page load's report
    expect(reports.fromFrame(7, PAGE, 2)).toBe(true);
    expect(reports.fromContent(7, PAGE, 2)).toBe(false);
    expect(reports.fromContent(7, PAGE, 3)).toBe(true);
    expect(reports.fromFrame(7, PAGE, 3)).toBe(false);
  });

  it('never goes back to an older report that arrives late by the slower way', () => {
    const reports = new RecordReports();
    reports.fromContent(7, PAGE, 1);
    expect(reports.fromFrame(7, PAGE, 3)).toBe(true); // record B, then A again: 3 came first
    expect(reports.fromContent(7, PAGE, 2)).toBe(false);
    expect(reports.fromContent(7, PAGE, 3)).toBe(false);
  });

  it('refuses a report by the frame with a nonce the tab’s content script did not give', () => {
    const reports = new RecordReports();
    expect(reports.fromFrame(7, PAGE, 2)).toBe(false); // nothing from the content script yet (a restarted worker)
    reports.fromContent(7, PAGE, 1);
    expect(reports.fromFrame(7, NEXT_PAGE, 2)).toBe(false); // a nonce the host page made up
    expect(reports.fromFrame(8, PAGE, 2)).toBe(false); // the right nonce, another tab
    expect(reports.fromFrame(7, PAGE, 2)).toBe(true);
  });

  it('starts again with a new page in the tab, and after the tab is forgotten', () => {
    const reports = new RecordReports();
    reports.fromContent(7, PAGE, 5);
    expect(reports.fromContent(7, NEXT_PAGE, 1)).toBe(true);
    expect(reports.fromFrame(7, PAGE, 6)).toBe(false); // the old page's nonce counts no more
    expect(reports.fromFrame(7, NEXT_PAGE, 2)).toBe(true);
    reports.forget(7);
    expect(reports.fromFrame(7, NEXT_PAGE, 3)).toBe(false);
  });

  it('always acts on a report without nonce and number (the page’s "gone" on pagehide)', () => {
    const reports = new RecordReports();
    reports.fromContent(7, PAGE, 4);
    expect(reports.fromContent(7, undefined, undefined)).toBe(true);
    expect(reports.fromContent(7, undefined, undefined)).toBe(true);
    expect(reports.fromFrame(7, PAGE, 5)).toBe(true); // and it does not reset the page's numbering
  });
});
