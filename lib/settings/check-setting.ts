import { requirement } from './setting-problem';
import { type Settings, SettingsSchema } from './settings-schema';

/**
 * Checks one value a user typed against the same rule policy values meet, for the options form:
 * `{ ok: false, error: 'It must …' }` in the words the malformed-policy report uses.
 */
export function checkSetting<K extends keyof Settings>(key: K, value: unknown): { ok: true; value: Settings[K] } | { ok: false; error: string } {
  const parsed = SettingsSchema.shape[key].safeParse(value);
  if (parsed.success) return { ok: true, value: parsed.data as Settings[K] };
  const words = requirement(parsed.error.issues[0]);
  return { ok: false, error: `${words[0]!.toUpperCase()}${words.slice(1)}.` };
}


