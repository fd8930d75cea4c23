import { useState } from 'react';
import type { Result } from '@/lib/messaging/result';
import type { LoadedSettings } from '@/lib/settings/load-settings';
import { firmSignInName } from '@/lib/settings/firm-sign-in-config';
import { messages } from './messages';

const text = messages.firmSignIn;

/**
 * "Sign in with <firm>" in the options page (issue 13), shown when the firm's identity provider is
 * configured. The login opens in a browser window run by the background; the tokens never reach
 * this page. The API-token form stays below it for integrators and the demo.
 */
export function FirmSignInSection(props: { loaded: LoadedSettings; onSignIn: () => Promise<Result<unknown>> }) {
  const firm = firmSignInName(props.loaded.settings);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!firm) return null;
  const signIn = async () => {
    setBusy(true);
    setError(null);
    const result = await props.onSignIn();
    setBusy(false);
    if (!result.ok) setError(result.error.message);
  };
  return (
    <div data-testid="firm-sign-in-action">
      <button type="button" className="primary" onClick={() => void signIn()} disabled={busy}>{busy ? text.busy : text.signInWith(firm)}</button>
      <p className="muted">{text.signInHelp}</p>
      {error && <p role="alert" className="error">{error}</p>}
    </div>
  );
}
