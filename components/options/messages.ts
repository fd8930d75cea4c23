import type { RecordKind } from '@/lib/adapters';

const count = (n: number, one: string, many: string) => `${n.toLocaleString()} ${n === 1 ? one : many}`;

/**
 * Every word the options page shows, in one place (as components/sidebar/messages.ts is for the
 * sidebar). A translation is another object of type `OptionsMessages`; texts that carry numbers or
 * names are functions so that word order and plurals can change.
 */
export const en = {
  title: 'Secondment Lens',
  account: {
    title: 'Sign in',
    roles: { lawyer: 'lawyer', bd: 'business development', risk: 'Risk & Compliance' },
    signedInAs: 'Signed in as',
    at: 'at',
    signOut: 'Sign out',
    signOutHelp: 'Signing out removes this user’s cached client data and unsent writes from this computer.',
    refused: 'Your last sign-in was refused. Sign in again.',
    noPermission: (origin: string) => `Permission to contact ${origin} was not given.`,
  },
  signInForm: {
    label: 'Sign in',
    endpoint: 'Firm endpoint',
    endpointPlaceholder: 'https://lens.yourfirm.com',
    endpointManaged: 'Set by your firm. Ask your IT team to change it.',
    endpointHelp: 'Ask your IT team for this address. Secondment Lens will ask for permission to contact it.',
    notAnAddress: 'Enter the endpoint as a full address, e.g. https://lens.yourfirm.com',
    token: 'API token',
    noToken: 'Enter your API token.',
    submit: 'Sign in',
    busy: 'Signing in…',
  },
  firmSignIn: {
    title: 'Sign-in with your firm',
    formLabel: 'Sign-in settings',
    buttonPreview: (firm: string | null) => (firm ? `The sign-in button reads “Sign in with ${firm}”.` : 'Your firm has not named itself yet; the sign-in button reads “Sign in”.'),
    help: {
      firmName: 'Shown on the sign-in button.',
      oidcIssuer: 'The address of your firm’s sign-in service (Entra ID, Okta, Ping…).',
      oidcClientId: 'The id your IT team registered Secondment Lens under.',
      oidcScopes: 'What sign-in asks for, separated by spaces.',
    },
    managed: 'Set by your firm. Ask your IT team to change it.',
    save: 'Save sign-in settings',
    saved: 'Saved.',
    // The button itself (FirmSignInSection), shown while signed out.
    signInWith: (firm: string) => `Sign in with ${firm}`,
    busy: 'Signing in…',
    signInHelp: 'Your firm’s sign-in page opens in a new window. Or sign in with an API token below, if your IT team gave you one.',
  },
  policy: { title: 'Also set by your firm' },
  problems: {
    title: 'Settings not applied',
    policy: 'Part of your firm’s policy for Secondment Lens could not be used; everything else in it applies. Please tell your IT team:',
    user: 'Some of your settings could not be used:',
  },
  data: {
    title: 'On this computer',
    cached: (n: number) => `${count(n, 'client', 'clients')} cached for offline use`,
    pending: (n: number, forSignIn: number) => `${count(n, 'write', 'writes')} waiting to be sent${forSignIn ? `, ${forSignIn.toLocaleString()} waiting for sign-in` : ''}`,
    rejected: (n: number) => `${count(n, 'write', 'writes')} refused by the endpoint (shown in the sidebar to edit or discard)`,
    syncNow: 'Update now',
    pipelineLink: 'Open the pipeline',
    pipelineHelp: ': needs, candidates and secondments across the whole book.',
  },
  sync: {
    never: 'The client book has not been copied for offline use yet.',
    running: (applied: number, seconds: number) => `Copying the client book for offline use… ${count(applied, 'change', 'changes')} so far (${seconds} s).`,
    done: (at: string, applied: number, seconds: number) => `Client book up to date as of ${at} (${count(applied, 'change', 'changes')} in the last update, ${seconds} s).`,
    stopped: (error: string | null, notBefore: string | null) =>
      `The last update of the client book stopped: ${error ?? ''} It will resume where it stopped${notBefore ? `, not before ${notBefore}.` : '.'}`,
    quarantined: (n: number) => `${count(n, 'change', 'changes')} from the firm endpoint did not match the contract and were skipped (kept on this computer for firm IT).`,
  },
  placement: {
    title: 'Where the sidebar shows',
    choices: {
      page: 'Beside the record, in the CRM page',
      'side-panel': 'Only in the browser’s side panel, opened with the Secondment Lens button in the toolbar: nothing is added to the CRM’s pages',
    },
    managed: 'Set by your firm’s IT.',
  },
  reminders: {
    title: 'Reminders',
    label: 'Remind me when a check-in is due in the next two days, or a placement I am on or mentor ends in 14 days',
    help: 'Shown as browser notifications, once each, from the book on this computer.',
    notSaved: (reason: string) => `Your choice was not saved (${reason}). The box shows what is stored; try again.`,
    notRead: (reason: string) => `Your reminder choice could not be read (${reason}), so reminders show as off; tick the box to turn them on.`,
  },
  rules: {
    title: 'Your firm’s systems',
    intro: (systems: string) => `Secondment Lens recognises ${systems}. For another system, add a rule that recognises its record pages by their address.`,
    policyList: 'Rules set by your firm’s IT',
    policyLocked: 'Rules set by your firm’s IT cannot be changed here.',
    userList: 'Your rules',
    notUsed: (list: string, why: string) => `${list}: not used (${why}).`,
    nameFrom: 'Name from',
    skipped: (why: string) => `Skipped: ${why}`,
    unnamed: 'Unnamed rule',
    remove: 'Remove',
    active: 'Active on this computer',
    needsPermission: 'Needs your permission to read these pages.',
    allow: 'Allow',
    form: {
      label: 'Add a rule',
      name: 'Rule name',
      namePlaceholder: 'Intranet CRM clients',
      pattern: 'URL pattern',
      patternHelpBefore: 'A regular expression starting with',
      patternHelpMiddle: 'and the host, with a named group',
      patternHelpAfter: 'for the record’s id and optionally',
      kind: 'Record kind',
      kinds: { client: 'Client (organisation)', contact: 'Contact (person)', matter: 'Matter' } satisfies Record<RecordKind, string>,
      labelSelector: 'Name on the page (CSS selector, optional)',
      submit: 'Add rule',
      busy: 'Adding…',
    },
  },
};

export type OptionsMessages = typeof en;
export const messages: OptionsMessages = en;
