import type { ReactNode } from 'react';
import type { StatusReport } from '@/lib/messaging/status-report';
import type { Result } from '@/lib/messaging/result';
import type { LoadedSettings } from '@/lib/settings/load-settings';
import type { Settings } from '@/lib/settings/settings-schema';
import { FirmPolicySummary } from './FirmPolicySummary';
import { FirmSignInSettings, SIGN_IN_KEYS } from './FirmSignInSettings';
import { SettingProblems } from './SettingProblems';
import { SignInForm } from './SignInForm';
import { messages } from './messages';
import { SyncStatus } from './SyncStatus';

const text = messages;

/** Settings, sign-in, and what the extension holds: cache and queued writes. */
export function OptionsPage(props: {
  status: StatusReport | null;
  /** Settings as this page read them (policy over the user's), re-read whenever storage changes. */
  settings: LoadedSettings | null;
  onSaveSettings: (patch: Partial<Settings>) => Promise<Result<unknown>>;
  onSignIn: (endpointUrl: string, token: string) => Promise<Result<unknown>>;
  onSignOut: () => void;
  /** Update the client book and send waiting writes. */
  onSyncNow: () => void;
  now: number;
  /** "Sign in with <firm>" (FirmSignInSection), above the API-token form while signed out. */
  firmSignIn?: ReactNode;
  /** Further sections (the generic-rule editor), after the account and data ones. */
  children?: ReactNode;
}) {
  const { status, settings } = props;
  const endpointManaged = settings?.managedKeys.includes('endpointUrl') ?? false;
  // A policy endpoint is shown as it is now (policy may change it while the page is open).
  const endpointUrl = (endpointManaged ? settings?.settings.endpointUrl : status?.endpointUrl) ?? '';
  return (
    <main className="panel options" aria-labelledby="options-title">
      <h1 id="options-title">{text.title}</h1>
      {settings && <SettingProblems problems={settings.problems} />}
      <section aria-labelledby="account-title">
        <h2 id="account-title">{text.account.title}</h2>
        {status?.user ? (
          <div data-testid="signed-in">
            <p>
              {text.account.signedInAs} <strong>{status.user.name}</strong> ({text.account.roles[status.user.role]}) {text.account.at}{' '}
              <code>{status.endpointUrl}</code>
            </p>
            <button type="button" onClick={props.onSignOut}>{text.account.signOut}</button>
            <p className="muted">{text.account.signOutHelp}</p>
          </div>
        ) : (
          <>
            {status?.signedOut === 'rejected' && <p className="error">{text.account.refused}</p>}
            {props.firmSignIn}
            {/* keyed on the policy's endpoint only: a user's typing is never reset under them */}
            <SignInForm key={endpointManaged ? `policy:${endpointUrl}` : 'user'} endpointUrl={endpointUrl} endpointManaged={endpointManaged} onSignIn={props.onSignIn} />
          </>
        )}
      </section>
      {settings && <FirmSignInSettings key={JSON.stringify(settings)} loaded={settings} onSave={props.onSaveSettings} />}
      {settings && <FirmPolicySummary loaded={settings} shownElsewhere={['endpointUrl', 'sidebarPlacement', ...SIGN_IN_KEYS]} />}
      {status?.user && (
        <section aria-labelledby="data-title">
          <h2 id="data-title">{text.data.title}</h2>
          <ul className="plain" data-testid="cache-status">
            <li>{text.data.cached(status.cachedClients)}</li>
            <li>{text.data.pending(status.outbox.pending, status.outbox.needsSignIn)}</li>
            <li>{text.data.rejected(status.outbox.rejected)}</li>
          </ul>
          <SyncStatus sync={status.sync} quarantined={status.quarantined} now={props.now} />
          <button type="button" onClick={props.onSyncNow}>{text.data.syncNow}</button>
          <p><a href="/pipeline.html" target="_blank" rel="noopener">{text.data.pipelineLink}</a>{text.data.pipelineHelp}</p>
        </section>
      )}
      {props.children}
    </main>
  );
}
