import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** What to run when the PostgreSQL server binaries are missing (Debian, as in .ci/run). */
export const POSTGRES_INSTALL_HINT = 'apt-get install -y postgresql';

export type PostgresCluster = {
  /** postgres://test@127.0.0.1:<port>/<database> */
  urlFor(database: string): string;
  /** A fresh, empty database; its URL. Synchronous, like naming a new SQLite file. */
  createDatabase(prefix?: string): string;
  stop(): Promise<void>;
};

/** Debian's binaries (postgresql-NN), newest first; PG_BIN overrides. */
function findBinaries(): string {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a)) : [];
  if (!versions.length) {
    throw new Error(`PostgreSQL server binaries not found under ${root}: the server tests run on PostgreSQL too. Install them with: ${POSTGRES_INSTALL_HINT}`);
  }
  return join(root, versions[0]!, 'bin');
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as import('node:net').AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

/**
 * A throwaway PostgreSQL cluster for tests: initdb in a temporary folder (trust auth, C locale,
 * no fsync), started on a free loopback port, stopped and deleted by `stop()`. initdb refuses to
 * run as root, so as root the cluster runs as the `postgres` user Debian's package creates.
 */
export async function startPostgresCluster(): Promise<PostgresCluster> {
  const bin = findBinaries();
  const dir = mkdtempSync(join(tmpdir(), 'lens-pg-'));
  const asRoot = process.getuid?.() === 0;
  const run = (tool: string, args: string[]) => {
    const [cmd, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', join(bin, tool), ...args]] : [join(bin, tool), args];
    const r = spawnSync(cmd as string, argv as string[], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`${tool} failed (${r.status}): ${r.stderr || r.stdout}`);
  };
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(dir, uid, gid);
  } else {
    chmodSync(dir, 0o700);
  }
  const data = join(dir, 'data');
  const port = await freePort();
  try {
    run('initdb', ['-D', data, '-U', 'test', '--auth=trust', '-E', 'UTF8', '--no-locale', '--no-sync']);
    run('pg_ctl', ['-D', data, '-l', join(dir, 'log'), '-w', 'start', '-o',
      `-k ${dir} -p ${port} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`]);
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  const urlFor = (database: string) => `postgres://test@127.0.0.1:${port}/${database}`;
  let n = 0;
  return {
    urlFor,
    createDatabase(prefix = 'lens') {
      const name = `${prefix.replace(/[^a-z0-9_]/gi, '_').toLowerCase()}_${process.pid}_${++n}`;
      const r = spawnSync(join(bin, 'psql'), ['-h', '127.0.0.1', '-p', String(port), '-U', 'test', '-d', 'postgres', '-qc', `CREATE DATABASE ${name}`], { encoding: 'utf8' });
      if (r.status !== 0) throw new Error(`CREATE DATABASE ${name} failed: ${r.stderr}`);
      return urlFor(name);
    },
    async stop() {
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
