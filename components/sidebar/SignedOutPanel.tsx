import { useState } from 'react';
import type { Result } from '@/lib/messaging/result';
import type { SidebarView } from '@/lib/messaging/sidebar-view';
import { messages } from './messages';
import { Panel } from './Panel';

type SignedOutView = Extract<SidebarView, { status: 'signed-out' }>;

/**
 * Not connected or not signed in: say which, and send the user to the options. When the firm's
 * identity provider is configured and the session has ended, "Sign in with <firm>" right here.
 */
export function SignedOutPanel({ reason, firm, onOpenOptions, onSignInWithFirm, onCollapse }: {
  reason: SignedOutView['reason'];
  firm?: string;
  onOpenOptions: () => void;
  onSignInWithFirm?: () => Promise<Result<unknown>>;
  onCollapse?: () => void;
}) {
  const m = messages.signedOut;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const offerFirm = firm && onSignInWithFirm && (reason === 'no-token' || reason === 'rejected');
  const signIn = async () => {
    setBusy(true);
    setError(null);
    const result = await onSignInWithFirm!();
    setBusy(false); // on success the background pushes the record's view, replacing this panel
    if (!result.ok) setError(result.error.message);
  };
  return (
    <Panel state="signed-out" title={reason === 'no-endpoint' ? m.title['no-endpoint'] : m.title.other} onCollapse={onCollapse}>
      <p>{m.body[reason]}</p>
      <p className="muted">{m.next[reason]}</p>
      {offerFirm ? (
        <>
          <button type="button" className="primary" onClick={() => void signIn()} disabled={busy}>{busy ? m.signingIn : m.signInWith(firm)}</button>
          {error && <p role="alert" className="error">{error}</p>}
          <button type="button" onClick={onOpenOptions}>{m.action}</button>
        </>
      ) : (
        <button type="button" className="primary" onClick={onOpenOptions}>{m.action}</button>
      )}
    </Panel>
  );
}
