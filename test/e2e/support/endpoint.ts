import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type StartServerOptions, startServer } from '../../../server/start-server';

/** The reference endpoint on a free loopback port with a fresh SQLite file of the demo firm. */
export async function startEndpoint(options: Omit<StartServerOptions, 'port' | 'dbPath'> & { dbPath?: string } = {}) {
  const dbPath = options.dbPath ?? path.join(mkdtempSync(path.join(tmpdir(), 'lens-e2e-')), 'firm.sqlite');
  const server = await startServer({ seed: true, ...options, port: 0, dbPath });
  return { ...server, dbPath };
}
