// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FirmSignInSection } from '@/components/options/FirmSignInSection';
import { FirmSignInSettings } from '@/components/options/FirmSignInSettings';
import type { LoadedSettings } from '@/lib/settings/load-settings';
import { SettingsSchema } from '@/lib/settings/settings-schema';

afterEach(cleanup);

const loaded = (values: Record<string, unknown>): LoadedSettings => ({ settings: SettingsSchema.parse(values), managedKeys: [], invalid: [], problems: [], policy: 'read' });
const PROVIDER = { oidcIssuer: 'https://login.harbourvale.example/tenant-7/v2.0', oidcClientId: 'secondment-lens' };

describe('“Sign in with <firm>” in the options page', () => {
  it('names the firm, and signs in through the background when clicked', async () => {
    const onSignIn = vi.fn(async () => ({ ok: true as const, value: null }));
    render(<FirmSignInSection loaded={loaded({ ...PROVIDER, firmName: 'Harbour & Vale LLP' })} onSignIn={onSignIn} />);
    fireEvent.click(screen.getByRole('button', { name: 'Sign in with Harbour & Vale LLP' }));
    expect(onSignIn).toHaveBeenCalledTimes(1);
  });

  it('without a firm name, names the identity provider’s host (and the settings preview says the same)', () => {
    render(<FirmSignInSection loaded={loaded(PROVIDER)} onSignIn={async () => ({ ok: true, value: null })} />);
    expect(screen.getByRole('button', { name: 'Sign in with login.harbourvale.example' })).toBeTruthy();
    render(<FirmSignInSettings loaded={loaded(PROVIDER)} onSave={async () => ({ ok: true, value: null })} />);
    expect(screen.getByTestId('sign-in-button-preview').textContent).toContain('“Sign in with login.harbourvale.example”');
  });

  it('is absent until the issuer and client id are both set', () => {
    const { container } = render(<FirmSignInSection loaded={loaded({ oidcIssuer: PROVIDER.oidcIssuer, firmName: 'HV' })} onSignIn={async () => ({ ok: true, value: null })} />);
    expect(container.textContent).toBe('');
  });

  it('says why a sign-in did not finish', async () => {
    render(<FirmSignInSection loaded={loaded(PROVIDER)} onSignIn={async () => ({ ok: false, error: { code: 'firm-sign-in-failed', message: 'Sign-in with your firm did not finish: the window was closed.' } })} />);
    fireEvent.click(screen.getByRole('button', { name: /Sign in with/ }));
    expect((await screen.findByRole('alert')).textContent).toContain('the window was closed');
  });
});
