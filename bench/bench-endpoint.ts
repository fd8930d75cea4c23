import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { startServer, type RunningServer } from '../server/start-server';

/**
 * The reference endpoint with the demo firm, on loopback, its SQLite file in a throwaway folder, for
 * one bench script: `body` runs against it; then the endpoint closes and the folder goes, whatever
 * happened.
 */
export async function withBenchEndpoint<T>(folderPrefix: string, body: (server: RunningServer) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(path.join(tmpdir(), folderPrefix));
  const server = await startServer({ port: 0, dbPath: path.join(dir, 'firm.sqlite'), seed: true });
  try {
    return await body(server);
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The machine's load averages (1, 5, 15 min), printed after side-by-side figures: how busy it was. */
export function machineLoad(): string {
  return `load ${loadavg().map((l) => l.toFixed(1)).join(' ')}`;
}
