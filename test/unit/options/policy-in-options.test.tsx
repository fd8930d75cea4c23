// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FirmPolicySummary } from '@/components/options/FirmPolicySummary';
import { FirmSignInSettings } from '@/components/options/FirmSignInSettings';
import { SettingProblems } from '@/components/options/SettingProblems';
import type { LoadedSettings } from '@/lib/settings/load-settings';
import { SettingsSchema } from '@/lib/settings/settings-schema';

afterEach(cleanup);

const loaded = (values: Record<string, unknown>, managedKeys: string[]): LoadedSettings => ({
  settings: SettingsSchema.parse(values), managedKeys, invalid: [], problems: [], policy: 'read',
});

function renderSignIn(settings: LoadedSettings) {
  const onSave = vi.fn(async (_patch: object) => ({ ok: true as const, value: null }));
  render(<FirmSignInSettings loaded={settings} onSave={onSave} />);
  return onSave;
}

describe('the firm sign-in settings in the options page', () => {
  it('shows values set by policy read-only, saying the firm set them', () => {
    renderSignIn(loaded({ firmName: 'Harbour & Vale LLP', oidcIssuer: 'https://login.hv.example' }, ['firmName', 'oidcIssuer']));
    const issuer = screen.getByLabelText('Sign-in: identity provider (OIDC issuer)') as HTMLInputElement;
    expect(issuer.readOnly).toBe(true);
    expect(issuer.value).toBe('https://login.hv.example');
    expect(document.getElementById(issuer.getAttribute('aria-describedby')!)?.textContent).toContain('Set by your firm');
    expect((screen.getByLabelText('Sign-in: client id') as HTMLInputElement).readOnly).toBe(false);
    expect(screen.getByTestId('sign-in-button-preview').textContent).toContain('“Sign in with Harbour & Vale LLP”');
  });

  it('offers no Save button when the firm set everything', () => {
    renderSignIn(loaded({ firmName: 'HV', oidcIssuer: 'https://l.example', oidcClientId: 'c' }, ['firmName', 'oidcIssuer', 'oidcClientId', 'oidcScopes']));
    expect(screen.queryByRole('button', { name: 'Save sign-in settings' })).toBeNull();
  });

  it('saves the user’s own values only, after checking them by the policy’s rules', async () => {
    const onSave = renderSignIn(loaded({ firmName: 'HV' }, ['firmName']));
    fireEvent.change(screen.getByLabelText('Sign-in: identity provider (OIDC issuer)'), { target: { value: 'http://login.hv.example' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save sign-in settings' }));
    await waitFor(() => expect(screen.getByText(/It breaks this rule: Use an https:\/\/ address/)).toBeTruthy());
    expect(onSave).not.toHaveBeenCalled();
    fireEvent.change(screen.getByLabelText('Sign-in: identity provider (OIDC issuer)'), { target: { value: 'https://login.hv.example' } });
    fireEvent.change(screen.getByLabelText('Sign-in: client id'), { target: { value: ' lens ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save sign-in settings' }));
    await waitFor(() => expect(onSave).toHaveBeenCalledWith({ oidcIssuer: 'https://login.hv.example', oidcClientId: 'lens', oidcScopes: 'openid email profile offline_access' }));
    expect(onSave.mock.calls[0]?.[0]).not.toHaveProperty('firmName');
  });
});

describe('a malformed policy in the options page', () => {
  it('lists each refused value in plain words and asks the user to tell IT', () => {
    render(<SettingProblems problems={[{ key: 'cacheMaxClients', source: 'policy', message: 'Your firm’s policy sets “Clients kept in the offline cache” to 5, but it must be at least 10.' }]} />);
    const section = screen.getByTestId('setting-problems');
    expect(section.textContent).toContain('Please tell your IT team');
    expect(within(section).getByRole('listitem').textContent).toContain('to 5, but it must be at least 10');
  });

  it('shows nothing when every value applied', () => {
    render(<SettingProblems problems={[]} />);
    expect(screen.queryByTestId('setting-problems')).toBeNull();
  });
});

it('lists the other settings the firm fixed, with their labels from the policy schema', () => {
  render(<FirmPolicySummary loaded={loaded({ maxCacheAgeHours: 48, endpointUrl: 'https://lens.hv.example' }, ['maxCacheAgeHours', 'endpointUrl'])} shownElsewhere={['endpointUrl']} />);
  expect(screen.getByTestId('firm-policy').textContent).toBe('Also set by your firmMaximum age of cached client data (hours)48');
});
