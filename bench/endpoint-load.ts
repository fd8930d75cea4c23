import { DEMO_CLIENTS } from '../server/demo/demo-ids';
import type { RunningServer } from '../server/start-server';
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
