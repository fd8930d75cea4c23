import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startServer } from '../../../server/start-server';

/**
 * The reference endpoint (demo firm, fresh SQLite file) on loopback port 80, so its origin has no
 * port. Why not any free port as in the Chromium suite: Firefox match patterns carry no port, so
 * `permissions.contains({ origins: ['http://127.0.0.1:41234/*'] })` is false even though the
 * manifest grants `http://127.0.0.1/*`, and the extension (options page and background both ask
 * with the port) refuses to sign in to an endpoint whose URL has one. Remove this once the
 * permission check drops the port; then test/e2e/support/endpoint.ts serves both suites.
 * Port 80 needs root, as CI runs (`.ci/run`).
 */
export async function startPortlessEndpoint() {
  const dbPath = path.join(mkdtempSync(path.join(tmpdir(), 'lens-firefox-')), 'firm.sqlite');
  try {
    return await startServer({ port: 80, dbPath });
  } catch (error) {
    throw new Error(`The Firefox suite serves the endpoint on 127.0.0.1:80 (see startPortlessEndpoint) and could not: ${String(error)}`);
  }
}
