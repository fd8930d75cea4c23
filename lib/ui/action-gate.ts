import type { RecordRefMessage } from '../messaging/record-ref-schema';
import type { Failure } from '../messaging/result';
import type { SidebarView } from '../messaging/sidebar-view';
import { GATE_MESSAGES } from '../messaging/gate-messages';

/** What a write is bound to: the record and client the sidebar displayed when the user acted. */
export interface Shown {
  record: RecordRefMessage;
  clientId: string | null;
  /** The candidate flag's version on screen (null: no flag). */
  flagVersion: string | null;
}

/**
 * A record must have been on screen this long before a click on it counts (input protection, as
 * browsers do for permission prompts): shorter than anyone reads a record and decides to act.
 */
export const STABLE_MS = 300;
/** A press this recent still decides what the click that follows it was aimed at. */
const PRESS_WINDOW_MS = 2_000;

/**
 * Decides whether a click in the sidebar may act, and on what. The host page cannot read the frame,
 * but it can restyle it (transparent, under a decoy: clickjacking) and change the record under the
 * user's pointer (its URL between mousedown and click). So an action goes ahead only when the frame
 * is visible to the user, the view has been on screen for a moment, and it is the view the user
 * pressed on; it then carries that view's record and client, which the background checks again.
 */
export class ActionGate {
  private view: SidebarView | null = null;
  private identity = '';
  private shownAt = Number.NEGATIVE_INFINITY;
  private pressed: { identity: string; at: number } | null = null;
  private visible: boolean;

  /**
   * `inFrame`: the sidebar sits in the host page, which decides what is under the pointer and when;
   * there a record must have been on screen STABLE_MS before a click on it counts. The side panel
   * is the browser's own: only the press/release check applies.
   */
  constructor(private readonly now: () => number = () => performance.now(), private readonly inFrame = true) {
    this.visible = true;
  }

  /**
   * Each view rendered; the clock restarts only when the record changes (what the page controls;
   * the client shown for a record is the background's answer, not the page's).
   */
  showing(view: SidebarView): void {
    this.view = view;
    const identity = identityOf(view);
    if (identity !== this.identity) {
      // The frame's first record was not swapped in under anyone's pointer: the frame just appeared.
      this.shownAt = this.identity === '' ? Number.NEGATIVE_INFINITY : this.now();
      this.identity = identity;
    }
  }

  /** A trusted pointer or key press inside the sidebar. */
  press(): void {
    this.pressed = { identity: this.identity, at: this.now() };
  }

  setVisible(visible: boolean): void {
    this.visible = visible;
  }

  isVisible(): boolean {
    return this.visible;
  }

  /** What the action is bound to, or why it may not go ahead. */
  check(): { ok: true; shown: Shown } | Failure {
    const view = this.view;
    if (!view || !('record' in view)) return refuse('no-record', 'No record is open.');
    if (!this.visible) return refuse('covered', GATE_MESSAGES.covered);
    const now = this.now();
    const pressedOnOther = this.pressed && now - this.pressed.at < PRESS_WINDOW_MS && this.pressed.identity !== this.identity;
    if (pressedOnOther || (this.inFrame && now - this.shownAt < STABLE_MS)) return refuse('changed', GATE_MESSAGES.changed);
    const ready = view.status === 'ready' ? view : null;
    return {
      ok: true,
      shown: { record: view.record, clientId: ready?.context.client.id ?? null, flagVersion: ready?.context.candidateFlag?.version ?? null },
    };
  }
}

function identityOf(view: SidebarView): string {
  if (!('record' in view)) return view.status;
  const { system, kind, tenant, externalId } = view.record;
  return JSON.stringify([system, kind, tenant ?? null, externalId]);
}

const refuse = (code: string, message: string): Failure => ({ ok: false, error: { code, message } });

/**
 * IntersectionObserver v2 inside the frame: `isVisible` is false when anything (the host page's
 * styles included: opacity, filters, transforms, content on top) may keep the user from seeing the
 * sidebar as drawn. Browsers without v2 (Firefox) report nothing, and the frame counts as visible.
 */
export function watchVisibility(target: Element, onChange: (visible: boolean) => void): () => void {
  if (typeof IntersectionObserver === 'undefined' || !('isVisible' in IntersectionObserverEntry.prototype)) return () => undefined;
  const observer = new IntersectionObserver(
    (entries) => {
      const entry = entries[entries.length - 1];
      if (entry) onChange((entry as IntersectionObserverEntry & { isVisible: boolean }).isVisible);
    },
    { threshold: [1.0], trackVisibility: true, delay: 100 } as IntersectionObserverInit,
  );
  observer.observe(target);
  return () => observer.disconnect();
}
