import { type FormEvent, useState } from 'react';
import type { Result } from '@/lib/messaging/result';
import { ENDPOINT_URL_RULE, isAllowedEndpointUrl } from '@/lib/settings/endpoint-url';

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
      return setError('Enter the endpoint as a full address, e.g. https://lens.yourfirm.com');
    }
    // The token and client data travel to this address: never over plain http to another machine.
    if (!isAllowedEndpointUrl(url.toString())) return setError(ENDPOINT_URL_RULE);
    if (!token.trim()) return setError('Enter your API token.');
    setBusy(true);
    const result = await props.onSignIn(url.toString(), token.trim());
    setBusy(false);
    if (result.ok) setToken('');
    setError(result.ok ? null : result.error.message);
  };
  return (
    <form onSubmit={(e) => void submit(e)} aria-label="Sign in" noValidate>
      <label htmlFor="endpoint">Firm endpoint</label>
      <input id="endpoint" type="url" value={endpointUrl} onChange={(e) => setEndpointUrl(e.target.value)} readOnly={props.endpointManaged}
        className={props.endpointManaged ? 'locked' : undefined}
        placeholder="https://lens.yourfirm.com" aria-describedby="endpoint-help" />
      <p id="endpoint-help" className="muted">
        {props.endpointManaged ? 'Set by your firm. Ask your IT team to change it.' : 'Ask your IT team for this address. Secondment Lens will ask for permission to contact it.'}
      </p>
      <label htmlFor="token">API token</label>
      <input id="token" type="password" autoComplete="off" value={token} onChange={(e) => setToken(e.target.value)} />
      {error && <p role="alert" className="error">{error}</p>}
      <div className="row">
        <button type="submit" className="primary" disabled={busy}>{busy ? 'Signing in…' : 'Sign in'}</button>
      </div>
    </form>
  );
}
