import { browser } from 'wxt/browser';
import type { z } from 'zod';
import { type PolicySource, readManagedPolicy } from './managed-policy';
import { describeProblem, type SettingProblem } from './setting-problem';
import { type Settings, SETTINGS_KEY, SettingsSchema } from './settings-schema';
import type { SidebarPlacement } from './sidebar-placement';

export interface LoadedSettings {
  settings: Settings;
  /** Names of the settings fixed by policy: the options page shows them read-only. */
  managedKeys: string[];
  /** Values that failed validation (user or policy): reported, and the default used instead. */
  invalid: string[];
  /** The same, in plain words, with where each came from (policy or the user's own options). */
  problems: SettingProblem[];
  /** Whether the policy was read now, or the browser was too slow and the last one seen stands in (see readManagedPolicy). */
  policy: PolicySource;
}

/**
 * Reads settings: defaults, then the user's (storage.local), then policy (storage.managed) on top.
 * `policyTimeoutMs`: how long the browser may take to give the policy (see readManagedPolicy).
 */
export async function loadSettings(options: { policyTimeoutMs?: number } = {}): Promise<LoadedSettings> {
  const local = ((await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY] ?? {}) as Record<string, unknown>;
  const { values: managed, source: policy } = await readManagedPolicy(options.policyTimeoutMs);
  const merged: Record<string, unknown> = {};
  const refused: { key: keyof Settings; source: SettingProblem['source']; value: unknown; issue: z.core.$ZodIssue | undefined }[] = [];
  const fields = SettingsSchema.shape;
  // Key by key, so one bad value costs that setting only: the valid ones still apply.
  for (const [source, values] of [['user', local], ['policy', managed]] as const) {
    for (const [key, value] of Object.entries(values)) {
      if (!(key in fields)) continue;
      const parsed = fields[key as keyof typeof fields].safeParse(value);
      if (parsed.success) merged[key] = parsed.data;
      else refused.push({ key: key as keyof Settings, source, value, issue: parsed.error.issues[0] });
    }
  }
  const settings = SettingsSchema.parse(merged);
  const problems = refused.map((r) => describeProblem(r.key, r.source, r.value, r.issue, settings[r.key]));
  // A key counts as managed only when the policy's value applies: a refused one stays the user's to set.
  const managedKeys = Object.keys(managed).filter((k) => k in fields && !refused.some((r) => r.source === 'policy' && r.key === k));
  return { settings, managedKeys, invalid: problems.map((p) => p.key), problems, policy };
}

/** The sidebar's placement in force: policy over the user's choice. */
export async function loadPlacement(): Promise<SidebarPlacement> {
  return (await loadSettings()).settings.sidebarPlacement;
}

/** Saves the user's own settings (policy keys are ignored when read back, so policy still wins). */
export async function saveUserSettings(patch: Partial<Settings>): Promise<void> {
  const current = ((await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY] ?? {}) as Record<string, unknown>;
  await browser.storage.local.set({ [SETTINGS_KEY]: { ...current, ...patch } });
}
