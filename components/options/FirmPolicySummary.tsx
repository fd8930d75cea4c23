import type { LoadedSettings } from '@/lib/settings/load-settings';
import { settingLabel } from '@/lib/settings/policy-schema';
import { messages } from './messages';

/**
 * The other settings the firm's policy fixes (cache age, cache size, time-out), read-only: the
 * endpoint and sign-in settings are shown locked in their own forms.
 */
export function FirmPolicySummary(props: { loaded: LoadedSettings; shownElsewhere: readonly string[] }) {
  const { settings, managedKeys } = props.loaded;
  const keys = managedKeys.filter((k): k is keyof typeof settings => !props.shownElsewhere.includes(k) && k in settings);
  if (keys.length === 0) return null;
  return (
    <section aria-labelledby="policy-title" data-testid="firm-policy">
      <h2 id="policy-title">{messages.policy.title}</h2>
      <dl className="policy-values">
        {keys.map((key) => (
          <div key={key}>
            <dt>{settingLabel(key)}</dt>
            <dd>{String(settings[key])}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
