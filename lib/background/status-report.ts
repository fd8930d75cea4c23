import { countCachedClients } from '../cache/eviction';
import { META_KEYS } from '../cache/lens-db';
import { listOutbox } from '../cache/outbox-store';
import { countQuarantined } from '../cache/quarantine-store';
import type { StatusReport, SyncProgress } from '../messaging/status-report';
import type { User } from '../contract/user';
import { loadSettings } from '../settings/load-settings';
import type { ActiveSession } from './active-session';


export async function collectStatus(sessions: ActiveSession): Promise<StatusReport> {
  const { settings } = await loadSettings(); // the options page reads policy and problems itself
  const active = await sessions.get();
  const base = { endpointUrl: settings.endpointUrl };
  if ('signedOut' in active) {
    return { ...base, user: null, signedOut: active.signedOut, cachedClients: 0, outbox: { pending: 0, rejected: 0, needsSignIn: 0, delivered: 0 }, sync: null, quarantined: 0 };
  }
  const rows = await listOutbox(active.db);
  const count = (state: string) => rows.filter((r) => r.state === state).length;
  return {
    ...base,
    endpointUrl: active.session.endpointUrl,
    user: active.session.user,
    signedOut: null,
    cachedClients: await countCachedClients(active.db),
    outbox: { pending: count('pending'), rejected: count('rejected'), needsSignIn: count('needs-sign-in'), delivered: count('done') },
    sync: ((await active.db.get('meta', META_KEYS.syncProgress)) as SyncProgress | undefined) ?? null,
    quarantined: await countQuarantined(active.db),
  };
}
