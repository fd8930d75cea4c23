import { DEMO_CLIENTS } from '../server/demo/demo-ids';
import { type RunningServer, startServer } from '../server/start-server';
import { startPostgresCluster } from '../test/support/postgres-cluster';
import { distribution, type Distribution } from './stats';

export type LoadFigures = { users: number; durationMs: number; requests: number; errors: number; requestsPerSecond: number; latencyMs: Distribution };

/**
 * `users` signed-in users at once, each asking for client contexts back to back for `durationMs`
 * (bounded; loopback only): requests per second and latency. The context route is the sidebar's
 * one read, and each request also writes its audit row.
 */
export async function measureEndpointLoad(server: RunningServer, users = 50, durationMs = 5_000): Promise<LoadFigures> {
  const tokens: string[] = [];
  for (let i = 0; i < users; i++) tokens.push((await server.store.users.create({ name: `Load ${i}`, email: `load-${Date.now()}-${i}@bench.example`, role: 'lawyer' })).token);
  const clients = Object.values(DEMO_CLIENTS).map((c) => c.id);
  const latencies: number[] = [];
  let errors = 0;
  const deadline = performance.now() + durationMs;
  const started = performance.now();
  await Promise.all(tokens.map(async (token, u) => {
    for (let i = 0; performance.now() < deadline; i++) {
      const t0 = performance.now();
      const res = await fetch(`${server.url}/v1/clients/${clients[(u + i) % clients.length]}/context`, { headers: { Authorization: `Bearer ${token}` } });
      await res.arrayBuffer();
      latencies.push(performance.now() - t0);
      if (res.status !== 200) errors++;
    }
  }));
  const elapsed = performance.now() - started;
  return { users, durationMs: Math.round(elapsed), requests: latencies.length, errors, requestsPerSecond: latencies.length / (elapsed / 1000), latencyMs: distribution(latencies) };
}

export type LoadByDatabase = { sqlite: LoadFigures; postgres: LoadFigures | { error: string } };

/**
 * The same load on the reference endpoint over each database, one after the other so they do not
 * share the CPU: the SQLite endpoint given, then a fresh demo firm on a throwaway PostgreSQL cluster
 * (loopback, fsync off, as in the tests: a floor for a real server's latency, not a prediction).
 */
export async function measureEndpointLoadOnBothDatabases(sqliteServer: RunningServer, users = 50, durationMs = 5_000): Promise<LoadByDatabase> {
  const sqlite = await measureEndpointLoad(sqliteServer, users, durationMs);
  let cluster;
  try {
    cluster = await startPostgresCluster();
  } catch (err) {
    return { sqlite, postgres: { error: (err as Error).message } };
  }
  try {
    const server = await startServer({ port: 0, dbPath: cluster.createDatabase('bench'), seed: true });
    try {
      return { sqlite, postgres: await measureEndpointLoad(server, users, durationMs) };
    } finally {
      await server.close();
    }
  } finally {
    await cluster.stop();
  }
}
