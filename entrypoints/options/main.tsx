import { endpointPermissionPattern } from '@/lib/settings/endpoint-url';
import { StrictMode, useCallback, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { browser } from 'wxt/browser';
import { GenericRulesSection } from '@/components/options/GenericRulesSection';
import { requestOrigin } from '@/lib/ui/request-origin';
import { OptionsPage } from '@/components/options/OptionsPage';
import { RemindersSection } from '@/components/options/RemindersSection';
import { remindersEnabled, setRemindersEnabled } from '@/lib/settings/reminders-preference';
import '@/components/sidebar/sidebar.css';
import '@/components/options/options.css';
import type { StatusReport } from '@/lib/background/status-report';
import type { OptionsToBackground } from '@/lib/messaging/protocol';
import type { Result } from '@/lib/messaging/result';
import { addRule, allowHost, hostAccessOf, loadRules, removeRule } from '@/lib/settings/generic-rules-client';
import { type GenericRulesState, NO_RULES } from '@/lib/settings/generic-rules-store';
import { type LoadedSettings, loadSettings, saveUserSettings } from '@/lib/settings/load-settings';
import { SETTINGS_KEY } from '@/lib/settings/settings-schema';
import { ok } from '@/lib/messaging/result';

const send = async <T,>(message: OptionsToBackground): Promise<Result<T>> => {
  try {
    return (await browser.runtime.sendMessage(message)) as Result<T>;
  } catch (error) {
    return { ok: false, error: { code: 'unreachable', message: String(error) } };
  }
};

function App() {
  const [status, setStatus] = useState<StatusReport | null>(null);
  const refresh = useCallback(async () => {
    const answer = await send<StatusReport>({ type: 'options.status' });
    if (answer.ok) setStatus(answer.value);
  }, []);
  useEffect(() => void refresh(), [refresh]);
  // While the book is being copied, show its progress (the worker writes it after each page).
  const syncing = status?.sync?.state === 'running';
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

  const [reminders, setReminders] = useState<boolean | null>(null);
  useEffect(() => void remindersEnabled().then(setReminders), []);
  const signIn = async (endpointUrl: string, token: string): Promise<Result<unknown>> => {
    // Host permission for the firm's origin only, asked for at run time (inside this click).
    const granted = await requestOrigin(endpointPermissionPattern(endpointUrl));
    if (!granted) return { ok: false, error: { code: 'no-permission', message: `Permission to contact ${new URL(endpointUrl).origin} was not given.` } };
    const result = await send({ type: 'options.signIn', endpointUrl, token });
    await refresh();
    return result;
  };
  return (
    <OptionsPage status={status} settings={settings} now={Date.now()} onSignIn={signIn}
      onSaveSettings={async (patch) => (await saveUserSettings(patch), ok(null))}
      onSignOut={() => void send({ type: 'options.signOut' }).then(refresh)}
      onSyncNow={() => {
        void send({ type: 'options.syncNow' }).then(refresh);
        setTimeout(() => void refresh(), 300); // show "running" while it runs
      }}>
      {status?.user && <RemindersSection enabled={reminders} onChange={(on) => void setRemindersEnabled(on).then(() => setReminders(on))} />}
      <GenericRulesSection state={rules} access={access}
        onAdd={(rule) => addRule(rules, rule).then(async (result) => (await refreshRules(), result))}
        onRemove={(index) => void removeRule(rules, index).then(refreshRules)}
        onAllow={(rule) => void allowHost(rule).then(refreshRules)} />
    </OptionsPage>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
