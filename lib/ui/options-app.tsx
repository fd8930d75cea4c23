import { StrictMode, useCallback, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { browser } from 'wxt/browser';
import { GenericRulesSection } from '@/components/options/GenericRulesSection';
import { OptionsPage } from '@/components/options/OptionsPage';
import { FirmSignInSection } from '@/components/options/FirmSignInSection';
import { messages } from '@/components/options/messages';
import { RemindersSection } from '@/components/options/RemindersSection';
import { SidebarPlacementSection } from '@/components/options/SidebarPlacementSection';
import '@/components/sidebar/sidebar.css';
import '@/components/options/options.css';
import { askBackground } from '../messaging/background-client';
import type { OptionsToBackground } from '../messaging/protocol';
import { fail, ok, type Result } from '../messaging/result';
import { StatusReport } from '../messaging/status-report';
import { endpointPermissionPattern } from '../settings/endpoint-url';
import { addRule, allowHost, hostAccessOf, loadRules, removeRule } from '../settings/generic-rules-client';
import { type GenericRulesState, NO_RULES } from '../settings/generic-rules-store';
import { type LoadedSettings, loadSettings, saveUserSettings } from '../settings/load-settings';
import { remindersEnabled, setRemindersEnabled } from '../settings/reminders-preference';
import { type Settings, SETTINGS_KEY } from '../settings/settings-schema';
import { requestOrigin } from './request-origin';

const send = (message: OptionsToBackground) => askBackground(message);

/** The options page: settings, sign-in and what is on this computer; state from the background. */
function OptionsApp() {
  const [status, setStatus] = useState<StatusReport | null>(null);
  const refresh = useCallback(async () => {
    const answer = await askBackground({ type: 'options.status' }, StatusReport);
    if (answer.ok) setStatus(answer.value);
  }, []);
  useEffect(() => void refresh(), [refresh]);
  // While the book is being copied, show its progress (the worker writes it after each page); and
  // right after sign-in, until the first sync has started: a quick one may start and end between
  // two looks, and the page must not keep showing the empty cache it saw before.
  const syncing = status?.sync?.state === 'running' || (status?.user != null && status.sync === null);
  useEffect(() => {
    if (!syncing) return;
    const timer = setInterval(() => void refresh(), 1_000);
    return () => clearInterval(timer);
  }, [syncing, refresh]);
  const [rules, setRules] = useState<GenericRulesState>(NO_RULES);
  const [access, setAccess] = useState<Record<string, boolean>>({});
  const refreshRules = useCallback(async () => {
    const state = await loadRules();
    setRules(state);
    setAccess(await hostAccessOf(state));
  }, []);
  useEffect(() => void refreshRules(), [refreshRules]);
  const [settings, setSettings] = useState<LoadedSettings | null>(null);
  const refreshSettings = useCallback(async () => setSettings(await loadSettings()), []);
  useEffect(() => void refreshSettings(), [refreshSettings]);
  // Firm IT changed the policy (or the user saved, maybe in another tab): show it at once.
  useEffect(() => {
    const changed = (changes: Record<string, unknown>, area: string) => {
      if (area !== 'managed' && !(area === 'local' && SETTINGS_KEY in changes)) return;
      void refreshSettings();
      void refresh();
      if (area === 'managed') void refreshRules();
    };
    browser.storage.onChanged.addListener(changed);
    return () => browser.storage.onChanged.removeListener(changed);
  }, [refresh, refreshRules, refreshSettings]);

  // The user's own settings; storage's change event re-reads them (policy still on top).
  const saveSettings = async (patch: Partial<Settings>): Promise<Result<unknown>> => (await saveUserSettings(patch), ok(null));
  const signIn = async (endpointUrl: string, token: string): Promise<Result<unknown>> => {
    // Host permission for the firm's origin only, asked for at run time (inside this click).
    const granted = await requestOrigin(endpointPermissionPattern(endpointUrl));
    if (!granted) return fail('no-permission', messages.account.noPermission(new URL(endpointUrl).origin));
    const result = await send({ type: 'options.signIn', endpointUrl, token });
    await refresh();
    return result;
  };
  const signInWithFirm = async (): Promise<Result<unknown>> => {
    const endpointUrl = settings?.settings.endpointUrl;
    if (endpointUrl && !(await requestOrigin(endpointPermissionPattern(endpointUrl)))) {
      return fail('no-permission', messages.account.noPermission(new URL(endpointUrl).origin));
    }
    const result = await send({ type: 'options.signInWithFirm' });
    await refresh();
    return result;
  };
  return (
    <OptionsPage status={status} settings={settings} now={Date.now()} onSignIn={signIn}
      firmSignIn={settings && <FirmSignInSection loaded={settings} onSignIn={signInWithFirm} />}
      onSaveSettings={saveSettings}
      onSignOut={() => void send({ type: 'options.signOut' }).then(refresh)}
      onSyncNow={() => {
        void send({ type: 'options.syncNow' }).then(refresh);
        setTimeout(() => void refresh(), 300); // show "running" while it runs
      }}>
      {settings && <SidebarPlacementSection loaded={settings} onSave={saveSettings} />}
      {status?.user && <RemindersSection read={remindersEnabled} write={setRemindersEnabled} />}
      <GenericRulesSection state={rules} access={access}
        onAdd={(rule) => addRule(rules, rule).then(async (result) => (await refreshRules(), result))}
        onRemove={(index) => void removeRule(rules, index).then(refreshRules)}
        onAllow={(rule) => void allowHost(rule).then(refreshRules)} />
    </OptionsPage>
  );
}

export function mountOptions(): void {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <OptionsApp />
    </StrictMode>,
  );
}
