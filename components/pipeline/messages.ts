import type { FlagPriority } from '@/lib/contract/candidate-flag';
import type { NeedStatus } from '@/lib/contract/need';
import type { ExternalRecord } from '@/lib/contract/pms';
import type { SecondmentDirection } from '@/lib/contract/secondment';
import type { AgeBucket } from '@/lib/pipeline/filter';
import type { NeedCsvText } from '@/lib/pipeline/need-csv';

/** One formatter for every count: `toLocaleString` builds a new one per call (~17 µs each, hundreds per filter change). */
export const count = new Intl.NumberFormat().format;
const plural = (n: number, one: string, many: string) => `${count(n)} ${n === 1 ? one : many}`;
const days = (n: number) => plural(n, 'day', 'days');
const status = { new: 'New', qualified: 'Qualified', pursuing: 'Pursuing', won: 'Won', declined: 'Declined' } satisfies Record<NeedStatus, string>;
const redacted = (ask: string | null) => (ask ? `Confidential — ask ${ask}` : 'Confidential — ask business development');
const matter = (m: ExternalRecord) => `${m.system} ${m.kind} ${m.externalId}`;

/**
 * Every word the pipeline page shows, in one place (like the sidebar's messages.ts). Texts with
 * numbers or names are functions so that word order and plurals can change in a translation.
 */
export const en = {
  title: 'Pipeline',
  subtitle: 'Needs, candidates and secondments across the whole book',
  loading: 'Reading the book from this computer…',
  signedOut: 'Sign in in the options to see the book.',
  openOptions: 'Open the options',
  error: (message: string) => `The book could not be read: ${message}`,
  reload: 'Reload',
  bookLine: (clients: number, needs: number, user: string) => `${plural(clients, 'client', 'clients')} · ${plural(needs, 'need', 'needs')} · as ${user}`,
  syncedAt: (when: string) => `Book as of ${when}`,
  neverSynced: 'The book has not finished syncing yet.',
  exportCsv: 'Export view as CSV',
  filters: {
    legend: 'Filter the board',
    practiceArea: 'Practice area',
    owner: 'Owner',
    client: 'Client',
    clientPlaceholder: 'Part of a name',
    age: 'Noticed',
    any: 'Any',
    unowned: 'Nobody yet',
    ages: { any: 'Any time', 'up-to-30': 'In the last 30 days', '31-90': '31–90 days ago', '91-365': '91–365 days ago', 'over-365': 'Over a year ago' } satisfies Record<AgeBucket, string>,
    clear: 'Clear filters',
    showing: (shown: number, total: number) => (shown === total ? `Showing all ${plural(total, 'need', 'needs')}` : `Showing ${count(shown)} of ${plural(total, 'need', 'needs')}`),
  },
  board: {
    title: 'Needs by status',
    hint: 'Each column is one Tab stop. Arrow keys move between needs (up, down) and columns (left, right); Home and End go to the first and last.',
    status,
    count: (n: number) => plural(n, 'need', 'needs'),
    age: (median: number | null, oldest: number | null) => (median === null || oldest === null ? 'none' : `median ${days(median)} here, oldest ${days(oldest)}`),
    empty: 'No needs',
    noticed: (who: string, age: number) => (age === 0 ? `noticed by ${who} today` : `noticed by ${who} ${days(age)} ago`),
    owner: (name: string | null) => (name ? `owner ${name}` : 'no owner'),
    confidential: 'in confidence',
    redacted,
    matter: (m: ExternalRecord) => `matter ${matter(m)}`,
    position: (n: number, total: number) => `${n} of ${total}`,
  },
  candidates: {
    title: 'Candidate clients',
    none: 'No clients flagged as secondment candidates.',
    priority: { high: 'High', medium: 'Medium', low: 'Low' } satisfies Record<FlagPriority, string>,
    byline: (who: string, when: string) => `flagged by ${who}, ${when}`,
    listLabel: 'Candidate clients by priority',
  },
  watch: {
    endingTitle: 'Ending in the next 60 days',
    endingNone: 'No secondment ends in the next 60 days.',
    endingListLabel: 'Secondments ending in the next 60 days',
    ends: (date: string, n: number) => (n === 0 ? `ends today (${date})` : `ends ${date}, in ${days(n)}`),
    overdueTitle: 'Overdue check-ins',
    overdueNone: 'No check-in is overdue.',
    overdueListLabel: 'Overdue check-ins',
    overdue: (date: string, n: number) => `check-in due ${date}, ${days(n)} overdue`,
    direction: { outbound: 'to', reverse: 'from' } satisfies Record<SecondmentDirection, string>,
    person: (person: string, direction: SecondmentDirection, client: string) => (direction === 'outbound' ? `${person} at ${client}` : `${person} from ${client} (reverse)`),
  },
  relationships: {
    title: 'Relationships',
    listLabel: 'Each client’s relationship in one line',
    none: 'No client matches.',
    line: (l: { outbound: number; reverse: number; noticed: number; won: number }) =>
      `Secondments: ${count(l.outbound)} out, ${count(l.reverse)} in · needs: ${count(l.noticed)} noticed, ${count(l.won)} won`,
  },
  chart: {
    title: 'Noticed vs won, last 12 months',
    description: 'Needs noticed and needs won in the last 12 months, per practice area, for the filtered book.',
    noticed: 'Noticed',
    won: 'Won',
    practiceArea: 'Practice area',
    showTable: 'Show as a table',
    none: 'No needs noticed or won in the last 12 months.',
  },
  csv: {
    heading: {
      status: 'Status', client: 'Client', need: 'Need', practiceArea: 'Practice area', owner: 'Owner',
      noticedBy: 'Noticed by', noticedOn: 'Noticed on', ageDays: 'Age (days)', confidential: 'Confidential', matter: 'Matter',
    },
    status,
    redacted,
    yes: 'yes',
    no: 'no',
    matter,
  } satisfies NeedCsvText,
  csvFileName: (day: string) => `pipeline-${day}.csv`,
};

export type PipelineMessages = typeof en;

/** The catalogue in use. */
export const messages: PipelineMessages = en;
