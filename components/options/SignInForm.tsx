import { type FormEvent, useState } from 'react';
import type { Result } from '@/lib/messaging/result';
import { ENDPOINT_URL_RULE, isAllowedEndpointUrl } from '@/lib/settings/endpoint-url';
import { messages } from './messages';

const text = messages.signInForm;

/** Endpoint URL and API token. The token goes to the background and is never shown again. */
export function SignInForm(props: {
  endpointUrl: string;
  endpointManaged: boolean;
  onSignIn: (endpointUrl: string, token: string) => Promise<Result<unknown>>;
}) {
  const [endpointUrl, setEndpointUrl] = useState(props.endpointUrl);
  const [token, setToken] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    let url: URL;
    try {
      url = new URL(endpointUrl.trim());
    } catch {
      return setError(text.notAnAddress);
    }
    // The token and client data travel to this address: never over plain http to another machine.
    if (!isAllowedEndpointUrl(url.toString())) return setError(ENDPOINT_URL_RULE);
    if (!token.trim()) return setError(text.noToken);
    setBusy(true);
    const result = await props.onSignIn(url.toString(), token.trim());
    setBusy(false);
    if (result.ok) setToken('');
    setError(result.ok ? null : result.error.message);
  };
  return (
    <form onSubmit={(e) => void submit(e)} aria-label={text.label} noValidate>
      <label htmlFor="endpoint">{text.endpoint}</label>
      <input id="endpoint" type="url" value={endpointUrl} onChange={(e) => setEndpointUrl(e.target.value)} readOnly={props.endpointManaged}
        className={props.endpointManaged ? 'locked' : undefined}
        placeholder={text.endpointPlaceholder} aria-describedby="endpoint-help" />
      <p id="endpoint-help" className="muted">
        {props.endpointManaged ? text.endpointManaged : text.endpointHelp}
      </p>
      <label htmlFor="token">{text.token}</label>
      <input id="token" type="password" autoComplete="off" value={token} onChange={(e) => setToken(e.target.value)} />
      {error && <p role="alert" className="error">{error}</p>}
      <div className="row">
        <button type="submit" className="primary" disabled={busy}>{busy ? text.busy : text.submit}</button>
      </div>
    </form>
  );
}
