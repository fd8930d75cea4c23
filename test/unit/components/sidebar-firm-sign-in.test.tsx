// @vitest-environment happy-dom
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { SidebarView } from '@/lib/messaging/sidebar-view';
import { renderSidebar } from './render';

const view = (v: unknown) => SidebarView.parse(v);

describe('“Sign in with <firm>” in the sidebar', () => {
  it.each(['no-token', 'rejected'])('signed out (%s) with the firm’s identity provider configured: signs in right here', async (reason) => {
    const { called } = renderSidebar(view({ status: 'signed-out', reason, firm: 'Marsh Okafor LLP' }), { actions: { signInWithFirm: async () => ({ ok: true, value: null }) } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in with Marsh Okafor LLP' }));
    await waitFor(() => expect(called('signInWithFirm')).toHaveLength(1));
    // The options stay one click away (an API token, for integrators).
    fireEvent.click(screen.getByRole('button', { name: 'Open the options to sign in' }));
    expect(called('openOptions')).toHaveLength(1);
  });

  it('says why a sign-in did not finish', async () => {
    renderSidebar(view({ status: 'signed-out', reason: 'rejected', firm: 'Marsh Okafor LLP' }), {
      actions: { signInWithFirm: async () => ({ ok: false, error: { code: 'firm-sign-in-failed', message: 'Sign-in with your firm did not finish: the window was closed.' } }) },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in with Marsh Okafor LLP' }));
    expect((await screen.findByRole('alert')).textContent).toContain('the window was closed');
  });

  it('is not offered where signing in cannot help (no endpoint, no permission) or when no provider is configured', () => {
    for (const v of [{ reason: 'no-endpoint', firm: 'Marsh Okafor LLP' }, { reason: 'no-permission', firm: 'Marsh Okafor LLP' }, { reason: 'rejected' }]) {
      const { unmount } = renderSidebar(view({ status: 'signed-out', ...v }), { actions: { signInWithFirm: async () => ({ ok: true, value: null }) } });
      expect(screen.queryByRole('button', { name: /Sign in with/ })).toBeNull();
      unmount();
    }
  });
});
