import { useId } from 'react';
import type { Result } from '@/lib/messaging/result';
import type { LoadedSettings } from '@/lib/settings/load-settings';
import type { Settings } from '@/lib/settings/settings-schema';
import { SIDEBAR_PLACEMENTS } from '@/lib/settings/sidebar-placement';
import { messages } from './messages';

/** The user's choice of where the sidebar shows; read-only when the firm's policy sets it. */
export function SidebarPlacementSection(props: { loaded: LoadedSettings; onSave: (patch: Partial<Settings>) => Promise<Result<unknown>> }) {
  const id = useId();
  const managed = props.loaded.managedKeys.includes('sidebarPlacement');
  const stored = props.loaded.settings.sidebarPlacement;
  const text = messages.placement;
  return (
    <section aria-labelledby={`${id}-title`} data-testid="sidebar-placement">
      <h2 id={`${id}-title`}>{text.title}</h2>
      {/* The radios hold the click themselves (checked at once); keyed on what is stored, so a
          placement that changes elsewhere (policy, another tab) is drawn afresh. */}
      <fieldset key={stored} className="plain placement-choices" disabled={managed} aria-describedby={managed ? `${id}-managed` : undefined}>
        <legend className="visually-hidden">{text.title}</legend>
        {SIDEBAR_PLACEMENTS.map((placement) => (
          <label className="check" key={placement}>
            <input type="radio" name={`${id}-placement`} value={placement} defaultChecked={stored === placement} disabled={managed}
              onChange={() => void props.onSave({ sidebarPlacement: placement })} />
            {text.choices[placement]}
          </label>
        ))}
      </fieldset>
      {managed && <p className="muted" id={`${id}-managed`}>{text.managed}</p>}
    </section>
  );
}
