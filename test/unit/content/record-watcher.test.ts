// @vitest-environment happy-dom
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import type { RecordRef } from '@/lib/adapters';
import { RecordWatcher } from '@/lib/content/record-watcher';

// A stand-in page: the "URL" and the heading the detector reads are set by each test.
let url = '';
const detect = (at: string): RecordRef | null => {
  const id = /contacts\/(\d+)/.exec(at)?.[1];
  if (id === undefined) return null;
  const label = document.querySelector('h1')?.textContent || undefined;
  return { system: 'clio', kind: 'contact', externalId: id, ...(label ? { label } : {}) };
};
const heading = (text: string | null) => {
  document.body.replaceChildren();
  if (text !== null) document.body.append(Object.assign(document.createElement('h1'), { textContent: text }));
};
/** An in-page navigation's two reports: the record from the destination URL, then with its label. */
const fromUrlThenWithLabel = (externalId: string, label: string): RecordRef[] => [
  { system: 'clio', kind: 'contact', externalId },
  { system: 'clio', kind: 'contact', externalId, label },
];
/** Lets MutationObserver callbacks and the watcher's timers run. */
const settle = async (ms = 100) => {
  await Promise.resolve();
  await vi.advanceTimersByTimeAsync(ms);
};

let reports: (RecordRef | null)[];
let watcher: RecordWatcher;

beforeEach(() => {
  vi.useFakeTimers();
  reports = [];
  url = 'https://app.clio.com/nc/#/contacts/1001';
  heading('Northwind');
  watcher = new RecordWatcher(detect, (ref) => reports.push(ref), document, () => url);
});
afterEach(() => {
  watcher.stop();
  vi.useRealTimers();
});

it('reports the record of a loaded page at once, with its label', () => {
  watcher.start();
  expect(reports).toEqual([{ system: 'clio', kind: 'contact', externalId: '1001', label: 'Northwind' }]);
});

it('waits for a page that renders the label later, then reports it', async () => {
  heading(null);
  watcher.start();
  heading('Northwind');
  await settle();
  expect(reports.map((r) => r?.label)).toEqual([undefined, 'Northwind']);
});

it('after an in-page navigation, never takes the label the previous record left in the DOM', async () => {
  watcher.start();
  // The navigation event names the destination before `location` has it and before the app re-renders.
  watcher.navigate('https://app.clio.com/nc/#/contacts/1002');
  url = 'https://app.clio.com/nc/#/contacts/1002';
  await settle();
  expect(reports.at(-1)).toEqual({ system: 'clio', kind: 'contact', externalId: '1002' });
  heading('Harbor');
  await settle();
  expect(reports.at(-1)).toEqual({ system: 'clio', kind: 'contact', externalId: '1002', label: 'Harbor' });
  expect(reports.some((r) => r?.externalId === '1002' && r.label === 'Northwind')).toBe(false);
});

it('reports the new record at once from the destination URL, before the app renders, then its label', async () => {
  watcher.start();
  watcher.navigate('https://app.clio.com/nc/#/contacts/1002');
  expect(reports.at(-1)).toEqual({ system: 'clio', kind: 'contact', externalId: '1002' }); // no waiting
  url = 'https://app.clio.com/nc/#/contacts/1002';
  heading('Harbor');
  await settle();
  expect(reports.slice(1)).toEqual(fromUrlThenWithLabel('1002', 'Harbor'));
});

it('moving on to a list before the record rendered ends with no record, and no late label for it', async () => {
  watcher.start();
  watcher.navigate('https://app.clio.com/nc/#/contacts/1002');
  watcher.navigate('https://app.clio.com/nc/#/contacts'); // on to the list before 1002 rendered
  url = 'https://app.clio.com/nc/#/contacts';
  heading('Harbor');
  await settle();
  expect(reports.at(-1)).toBeNull();
  expect(reports.filter((r) => r?.externalId === '1002' && r.label)).toEqual([]);
});

it('leaves a loaded page whose URL names no record alone while it builds itself, and still follows a navigation to a record', async () => {
  url = 'https://app.clio.com/nc/#/contacts';
  heading(null);
  let detections = 0;
  const counted = new RecordWatcher((at) => { detections++; return detect(at); }, (ref) => reports.push(ref), document, () => url);
  counted.start();
  expect(reports).toEqual([null]);
  // The list renders, row after row: nothing is re-detected, nothing more is reported.
  for (const name of ['Northwind', 'Harbor', 'Meridian']) {
    heading(name);
    await settle();
  }
  expect(detections).toBe(1);
  expect(reports).toEqual([null]);
  // A click on a row is a navigation: the record is reported from its URL, then with its label.
  counted.navigate('https://app.clio.com/nc/#/contacts/1004');
  url = 'https://app.clio.com/nc/#/contacts/1004';
  heading('Meridian Retail');
  await settle();
  expect(reports.slice(1)).toEqual(fromUrlThenWithLabel('1004', 'Meridian Retail'));
  counted.stop();
});

it('a failing detector reports no record instead of throwing into the page', () => {
  const failing = new RecordWatcher(() => { throw new Error('plug-in bug'); }, (ref) => reports.push(ref));
  failing.start();
  expect(reports).toEqual([null]);
  failing.stop();
});

it('reports its record again when the page comes back from the back/forward cache', () => {
  watcher.start();
  watcher.resume();
  expect(reports).toEqual([
    { system: 'clio', kind: 'contact', externalId: '1001', label: 'Northwind' },
    { system: 'clio', kind: 'contact', externalId: '1001', label: 'Northwind' },
  ]);
});
