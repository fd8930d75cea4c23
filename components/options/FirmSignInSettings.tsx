import { type FormEvent, useState } from 'react';
import type { Result } from '@/lib/messaging/result';
import type { LoadedSettings } from '@/lib/settings/load-settings';
import { settingLabel } from '@/lib/settings/policy-schema';
import type { Settings } from '@/lib/settings/settings-schema';
import { checkSetting } from '@/lib/settings/check-setting';
import { messages } from './messages';
import { firmSignInName } from '@/lib/settings/firm-sign-in-config';

/** The sign-in settings a firm sets (issue 13); each shown locked when policy sets it. */
export const SIGN_IN_KEYS = ['firmName', 'oidcIssuer', 'oidcClientId', 'oidcScopes'] as const;
type SignInKey = (typeof SIGN_IN_KEYS)[number];

const text = messages.firmSignIn;
const HELP: Record<SignInKey, string> = text.help;

/**
 * "Sign-in with your firm": identity provider, client id, scopes and firm name. Values set by the
 * firm's policy are read-only ("Set by your firm"); the others can be filled in by the user, e.g.
 * for a pilot before IT pushes a policy.
 */
export function FirmSignInSettings(props: { loaded: LoadedSettings; onSave: (patch: Partial<Settings>) => Promise<Result<unknown>> }) {
  const { settings, managedKeys } = props.loaded;
  const shown = (key: SignInKey) => settings[key] ?? '';
  const [draft, setDraft] = useState<Record<SignInKey, string>>(() => Object.fromEntries(SIGN_IN_KEYS.map((k) => [k, shown(k)])) as Record<SignInKey, string>);
  const [errors, setErrors] = useState<Partial<Record<SignInKey, string>>>({});
  const [saved, setSaved] = useState<string | null>(null);
  const managed = (key: SignInKey) => managedKeys.includes(key);
  const editable = SIGN_IN_KEYS.filter((k) => !managed(k));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: Partial<Record<SignInKey, string>> = {};
    const patch: Partial<Record<SignInKey, string | null>> = {};
    for (const key of editable) {
      const text = draft[key].trim();
      const checked = checkSetting(key, text === '' && key !== 'oidcScopes' ? null : text);
      if (checked.ok) patch[key] = checked.value as string | null;
      else found[key] = checked.error;
    }
    setErrors(found);
    setSaved(null);
    if (Object.keys(found).length > 0) return;
    const result = await props.onSave(patch as Partial<Settings>);
    setSaved(result.ok ? text.saved : result.error.message);
  };

  const firm = firmSignInName(settings) ?? settings.firmName; // unnamed: the provider's host
  return (
    <section aria-labelledby="firm-sign-in-title" data-testid="firm-sign-in">
      <h2 id="firm-sign-in-title">{text.title}</h2>
      <p className="muted" data-testid="sign-in-button-preview">
        {text.buttonPreview(firm)}
      </p>
      <form onSubmit={(e) => void submit(e)} aria-label={text.formLabel} noValidate>
        {SIGN_IN_KEYS.map((key) => (
          <div key={key} className="setting">
            <label htmlFor={`setting-${key}`}>{settingLabel(key)}</label>
            <input id={`setting-${key}`} type="text" spellCheck={false} readOnly={managed(key)} className={managed(key) ? 'locked' : undefined}
              value={managed(key) ? shown(key) : draft[key]} aria-invalid={errors[key] ? true : undefined}
              aria-describedby={`setting-${key}-help`} onChange={(e) => setDraft({ ...draft, [key]: e.target.value })} />
            <p id={`setting-${key}-help`} className={errors[key] ? 'error' : 'muted'}>
              {errors[key] ?? (managed(key) ? text.managed : HELP[key])}
            </p>
          </div>
        ))}
        {editable.length > 0 && (
          <div className="row">
            <button type="submit">{text.save}</button>
            {saved && <span role="status">{saved}</span>}
          </div>
        )}
      </form>
    </section>
  );
}
