import { browser } from 'wxt/browser';
import { type Settings, SETTINGS_KEY, SettingsSchema } from './settings-schema';

export interface LoadedSettings {
  settings: Settings;
  /** Names of the settings fixed by policy: the options page shows them read-only. */
  managedKeys: string[];
  /** Values that failed validation (user or policy): reported, and the default used instead. */
  invalid: string[];
}

/** Reads settings: defaults, then the user's (storage.local), then policy (storage.managed) on top. */
export async function loadSettings(): Promise<LoadedSettings> {
  const local = ((await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY] ?? {}) as Record<string, unknown>;
  const managed = await readManaged();
  const merged: Record<string, unknown> = {};
  const invalid: string[] = [];
  const fields = SettingsSchema.shape;
  for (const source of [local, managed]) {
    for (const [key, value] of Object.entries(source)) {
      if (!(key in fields)) continue;
      const parsed = fields[key as keyof typeof fields].safeParse(value);
      if (parsed.success) merged[key] = parsed.data;
      else invalid.push(key);
    }
  }
  return { settings: SettingsSchema.parse(merged), managedKeys: Object.keys(managed).filter((k) => k in fields), invalid };
}

/** Saves the user's own settings (policy keys are ignored when read back, so policy still wins). */
export async function saveUserSettings(patch: Partial<Settings>): Promise<void> {
  const current = ((await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY] ?? {}) as Record<string, unknown>;
  await browser.storage.local.set({ [SETTINGS_KEY]: { ...current, ...patch } });
}

async function readManaged(): Promise<Record<string, unknown>> {
  try {
    return (await browser.storage.managed.get(null)) as Record<string, unknown>;
  } catch {
    return {}; // no policy installed, or the browser has no managed storage (unpacked, Firefox without policy)
  }
}
