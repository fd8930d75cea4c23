import type { FlagPriority } from '@/lib/contract/candidate-flag';
import type { NeedStatus } from '@/lib/contract/need';
import type { PmsSystem, RecordKind } from '@/lib/contract/pms';
import { PMS_SYSTEM_NAMES } from '@/lib/contract/record-identity';
import type { ObjectiveCategory, ObjectiveStatus, SecondmentDirection, SecondmentReview, SecondmentStatus } from '@/lib/contract/secondment';
import type { Age } from '@/lib/format/dates';

/**
 * Every word the sidebar shows, in one place. A translation is another object of type `Messages`;
 * texts that carry numbers or names are functions so that word order and plurals can change.
 */
export const en = {
  app: {
    name: 'Secondment Lens',
    covered: 'This page is covering Secondment Lens or making it see-through, so it will not save anything until it is shown plainly.',
    opening: 'Opening…',
    expand: 'Open Secondment Lens',
    expandShort: 'Lens',
  },
  header: {
    refresh: 'Refresh',
    collapse: 'Collapse the sidebar',
    collapseShort: 'Collapse',
    freshness: {
      fresh: (age: string) => `Updated ${age}`,
      revalidating: (age: string) => `Checking for updates · from ${age}`,
      offline: (age: string) => `Offline — from ${age}`,
      error: (age: string) => `Could not update — from ${age}`,
    },
  },
  age: (age: Age): string => {
    switch (age.kind) {
      case 'just-now': return 'just now';
      case 'minutes': return `${age.minutes} min ago`;
      case 'hours': return `${age.hours} h ago`;
      case 'today': return `today ${age.time}`;
      case 'yesterday': return `yesterday ${age.time}`;
      case 'earlier': return `${age.date} ${age.time}`;
    }
  },
  summary: (s: { active: number; past: number; openNeeds: number; candidate: boolean }) =>
    [`${s.active} active`, `${s.past} past`, `${s.openNeeds} open ${s.openNeeds === 1 ? 'need' : 'needs'}`, ...(s.candidate ? ['candidate'] : [])].join(' · '),
  record: {
    line: (system: string, kind: string) => `${system} ${kind}`,
    system: PMS_SYSTEM_NAMES satisfies Record<PmsSystem, string>,
    kind: { client: 'client', contact: 'contact', matter: 'matter' } satisfies Record<RecordKind, string>,
  },
  startingSoon: {
    title: 'Starting soon',
  },
  programme: {
    title: 'Your placement',
    startsIn: (days: number) => (days <= 0 ? 'starts today' : days === 1 ? 'starts tomorrow' : `starts in ${days} days`),
    objectivesTitle: 'Your objectives',
    objectiveStatus: (objective: string) => `Status of "${objective}"`,
    noObjectives: 'No objectives recorded for this placement yet.',
    checkInTitle: 'Record a check-in',
    checkInDate: 'Date of the check-in',
    checkInNote: 'Note (optional)',
    checkInSave: 'Record check-in',
    checkInSaved: 'Check-in recorded.',
    checkInFuture: 'A check-in cannot be in the future.',
    logNeedHere: 'Log a need from this placement',
    pendingChange: 'Saving…',
  },
  triage: {
    statusLabel: (title: string) => `Status of "${title}"`,
    assignToMe: 'Assign to me',
    unassign: 'Unassign',
    owner: (name: string) => `Owner: ${name}`,
    movedBy: (status: string, name: string, date: string) => `${status} by ${name}, ${date}`,
    matterLabel: 'Matter number it became',
    matterSave: 'Link matter',
    matter: (id: string) => `Matter ${id}`,
    pending: 'Change waiting to be sent',
  },
  active: {
    title: 'Active secondees',
    none: 'Nobody is seconded to or from this client now.',
    direction: { outbound: 'Secondment', reverse: 'Reverse secondment' } satisfies Record<SecondmentDirection, string>,
    hostTeam: (direction: SecondmentDirection, team: string) => (direction === 'outbound' ? `with ${team}` : `from ${team}`),
    mentor: (name: string, title: string) => (title ? `Mentor: ${name}, ${title}` : `Mentor: ${name}`),
    period: (start: string, end: string) => `${start} → ${end}`,
    planned: 'starts later',
    daysLeft: (days: number) => (days < 0 ? `ended ${-days} ${-days === 1 ? 'day' : 'days'} ago` : days === 0 ? 'ends today' : days === 1 ? '1 day left' : `${days} days left`),
    checkInToday: 'Next check-in today',
    checkInOn: (date: string) => `Next check-in ${date}`,
    checkInOverdue: (date: string) => `Check-in overdue since ${date}`,
    overdueTag: 'Overdue',
  },
  objectives: {
    title: 'Open objectives',
    none: 'No open objectives.',
    status: { open: 'Open', 'in-progress': 'In progress', met: 'Met', 'not-met': 'Not met', dropped: 'Dropped' } satisfies Record<ObjectiveStatus, string>,
    category: {
      skills: 'Skills', relationship: 'Relationship', 'business-development': 'Business development',
      'knowledge-exchange': 'Knowledge exchange', 'service-delivery': 'Service delivery',
    } satisfies Record<ObjectiveCategory, string>,
    groupTitle: (person: string, direction: SecondmentDirection) => (direction === 'outbound' ? person : `${person} (reverse)`),
  },
  needs: {
    title: 'Unmet needs',
    logNeed: 'Log a need',
    filterLabel: 'Show needs',
    filter: { open: 'Open', all: 'All' },
    status: { new: 'New', qualified: 'Qualified', pursuing: 'Pursuing', won: 'Won', declined: 'Declined' } satisfies Record<NeedStatus, string>,
    none: 'No needs recorded yet.',
    noneForFilter: 'No needs with this status.',
    showMore: (more: number, hidden: number) => (more === hidden ? `Show the other ${hidden}` : `Show ${more} more (${hidden} not shown)`),
    byline: (area: string, who: string, when: string) => `${area} · ${who}, ${when}`,
    fromSecondment: (person: string) => `from ${person}’s secondment`,
    inConfidence: 'in confidence',
    redacted: (contact: string) => `Learned in confidence — ask ${contact}`,
  },
  needForm: {
    label: 'Log a need',
    title: 'Need',
    titlePlaceholder: 'e.g. GDPR review of the new HR system',
    practiceArea: 'Practice area',
    choose: 'Choose…',
    detail: 'Detail',
    optional: '(optional)',
    source: 'Noticed during',
    noSource: 'No secondment',
    sourceOption: (person: string) => `${person}’s secondment`,
    confidential: 'Learned in confidence',
    confidentialHint: 'Shown to the firm, never repeated to the client.',
    submit: 'Log need',
    submitting: 'Logging…',
    cancel: 'Cancel',
    choosePracticeArea: 'Choose a practice area.',
    checkForm: 'Check the form.',
  },
  outbox: {
    badge: {
      sending: 'Sending…',
      waiting: 'Waiting to send',
      rejected: 'Not saved',
      'needs-sign-in': 'Sign in to send',
      conflict: 'Changed meanwhile',
      'dead-letter': 'Could not be saved',
      done: 'Saved',
    },
    reference: (id: string) => `reference ${id}`,
    willRetry: (reason: string) => `${reason} It is kept and will be sent.`,
    refusedDefault: 'The firm endpoint refused it.',
    signInHint: 'Your sign-in has expired. It is kept and will be sent once you sign in again.',
    signIn: 'Sign in',
    edit: 'Edit',
    discard: 'Discard',
    retry: 'Try now',
    editLabel: (title: string) => `Edit “${title}”`,
    discardLabel: (title: string) => `Discard “${title}”`,
    deadLetterHint: 'It will not be sent again. Copy the text if you still need it, then discard it.',
    writeLabel: 'What you wrote',
    copy: 'Copy text',
    copied: 'Copied',
    copyFailed: 'Select the text and copy it yourself.',
    copyLabel: (title: string) => `Copy the text of “${title}”`,
    /** The text of a write, as copied from a dead letter. */
    needText: (n: { title: string; practiceArea: string; detail?: string }) => [n.title, `Practice area: ${n.practiceArea}`, n.detail ?? ''].filter(Boolean).join('\n'),
    flagText: (f: { reason: string; priority: string }) => `Secondment candidate (${f.priority} priority): ${f.reason}`,
    clearText: 'Clear the secondment candidate flag',
    triageText: (title: string, p: { status?: NeedStatus; owner?: { userId: string } | null; matter?: { externalId: string } | null }) =>
      [`Need: ${title}`, p.status ? `Status: ${en.needs.status[p.status]}` : '', p.owner === null ? 'Owner: none' : p.owner ? 'Owner: me' : '', p.matter ? `Matter: ${p.matter.externalId}` : ''].filter(Boolean).join('\n'),
    checkInText: (date: string, note: string) => [`Check-in on ${date}`, note].filter(Boolean).join('\n'),
    objectiveText: (objective: string, status: string) => `Objective "${objective}": ${status}`,
  },
  flag: {
    title: 'Secondment candidate',
    flagged: 'Flagged as a candidate',
    priority: { low: 'Low', medium: 'Medium', high: 'High' } satisfies Record<FlagPriority, string>,
    priorityLine: (priority: string) => `${priority} priority`,
    byline: (who: string, when: string) => `${who}, ${when}`,
    notFlagged: 'Not flagged as a secondment candidate.',
    flag: 'Flag as candidate',
    edit: 'Edit flag',
    clear: 'Clear flag',
    formLabel: 'Flag as secondment candidate',
    reason: 'Why is this client a candidate?',
    priorityLabel: 'Priority',
    save: 'Save flag',
    cancel: 'Cancel',
    saving: 'Saving the flag…',
    clearing: 'Clearing the flag…',
    savingRefused: (reason: string) => `Saving the flag was refused: ${reason}`,
    clearingRefused: (reason: string) => `Clearing the flag was refused: ${reason}`,
    needsSignIn: 'Sign in again to send the flag change.',
    dismiss: 'Dismiss',
    confirmClear: 'Clear the candidate flag for this client? BD colleagues will no longer see it.',
    confirmClearYes: 'Yes, clear it',
    keep: 'Keep it',
    deadLetter: (reason: string) => `This flag change could not be saved: ${reason}`,
    conflictTitle: 'Someone changed this flag while yours was waiting.',
    conflictTheirs: (who: string, when: string) => `Now: flagged by ${who}, ${when}.`,
    conflictCleared: 'Now: the flag was cleared.',
    conflictUnknown: 'The firm endpoint did not say how it looks now; refresh to see it.',
    conflictMine: (what: string) => `Yours: ${what}`,
    useTheirs: 'Use theirs',
    applyMine: 'Apply mine again',
  },
  history: {
    title: 'Secondment history',
    none: 'No past secondments.',
    direction: { outbound: 'to the client', reverse: 'to the firm' } satisfies Record<SecondmentDirection, string>,
    status: { planned: 'Planned', active: 'Active', completed: 'Completed', 'ended-early': 'Ended early' } satisfies Record<SecondmentStatus, string>,
    objectivesMet: {
      all: 'All objectives met', most: 'Most objectives met', some: 'Some objectives met', none: 'Objectives not met',
    } satisfies Record<SecondmentReview['objectivesMet'], string>,
    objectivesCount: (met: number, total: number) => `${met} of ${total} objectives met`,
    noReview: 'No review recorded.',
  },
  pipeline: {
    open: 'Open the pipeline: needs across all clients',
  },
  problem: {
    showDetails: 'Details for IT',
    hideDetails: 'Hide details for IT',
  },
  idle: {
    title: 'No client record on this page',
    body: 'Open a client, contact or matter record to see the firm’s secondment relationship.',
    detectionHint: 'If this is a record page, Secondment Lens did not recognise it. Your IT team can add a rule for your firm’s system (the generic plug-in).',
    openRules: 'Add a rule in the options',
  },
  signedOut: {
    title: { 'no-endpoint': 'Not connected', other: 'Sign in needed' },
    body: {
      'no-endpoint': 'Secondment Lens is not connected to your firm yet.',
      'no-token': 'Sign in to see secondment information.',
      rejected: 'Your sign-in has expired or was refused.',
      'no-permission': 'Secondment Lens needs your permission to contact the firm endpoint.',
    },
    next: {
      'no-endpoint': 'Your IT team gives you the endpoint address and a sign-in.',
      'no-token': 'It takes a few seconds in the options.',
      rejected: 'Sign in again; anything you logged meanwhile is kept and sent afterwards.',
      'no-permission': 'Open the options and allow it when Chrome asks.',
    },
    action: 'Open the options to sign in',
    signInWith: (firm: string) => `Sign in with ${firm}`,
    signingIn: 'Signing in…',
  },
  loading: {
    title: 'Looking up this client…',
    body: 'Asking the firm endpoint.',
  },
  restricted: {
    title: 'Restricted',
    body: 'This client is not available to you. Nothing about it is shown or kept on this computer.',
    unsentTitle: 'Your writes for this client that were not saved',
    next: 'If you think you should have access, ask your risk or conflicts team.',
  },
  error: {
    title: 'Could not load this client',
    retry: 'Try again',
    next: 'If it keeps happening, pass the details for IT on to your IT team.',
  },
  ambiguous: {
    title: 'Which client is this?',
    body: 'This record matches several firm clients. Choose the right one; Secondment Lens will remember it.',
  },
  notFound: {
    title: 'Not a client we know',
    body: 'The firm has no client linked to this record. If it is one of ours, find it and link this record to it.',
    searchLabel: 'Search the firm’s clients',
    searchPlaceholder: 'Client name',
    search: 'Search',
    noMatch: 'No client by that name.',
    resultsLabel: 'Matching clients',
    link: (name: string) => `Link to ${name}`,
  },
};

export type Messages = typeof en;

/** The catalogue in use. Swap for a translated `Messages` object to change the language. */
export const messages: Messages = en;
