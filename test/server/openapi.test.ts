import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routes } from '../../lib/contract/api-routes';
import type { RunningServer } from '../../server/start-server';
import { start, tempDir } from './helpers';

const tmp = tempDir();
let server: RunningServer;
beforeAll(async () => {
  server = await start(tmp.file());
});
afterAll(async () => {
  await server.close();
  tmp.remove();
});

type Doc = {
  openapi: string; info: { title: string; version: string };
  paths: Record<string, Record<string, { security?: unknown[]; parameters?: { name: string; in: string; required?: boolean }[]; responses: Record<string, { content?: Record<string, unknown>; headers?: Record<string, unknown> }>; requestBody?: { content: Record<string, { schema: unknown }> } }>>;
  components: { schemas: Record<string, { type?: string; additionalProperties?: unknown }>; securitySchemes: Record<string, { type: string; scheme: string }> };
  security: unknown[];
};

describe('OpenAPI document', () => {
  it('is served without a token as OpenAPI 3.1 with every route', async () => {
    const res = await fetch(`${server.url}/v1/openapi.json`);
    expect(res.status).toBe(200);
    const doc = await res.json() as Doc;
    expect(doc.openapi).toMatch(/^3\.1\./);
    expect(doc.info.title).toBeTruthy();
    const expected = Object.values(routes).map((r) => `${r.method} ${r.path}`).sort();
    const actual = Object.entries(doc.paths).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m} ${p}`)).sort();
    expect(actual).toEqual(expected);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining([
      '/v1/me', '/v1/practice-areas', '/v1/clients', '/v1/resolve', '/v1/mappings', '/v1/clients/{id}/context',
      '/v1/clients/{id}/needs', '/v1/clients/{id}/candidate-flag', '/v1/changes', '/v1/openapi.json', '/healthz',
      '/v1/mappings/{id}', '/v1/clients/{id}/mappings', '/v1/audit',
    ]));
    const flagPut = doc.paths['/v1/clients/{id}/candidate-flag']!.put!;
    expect(flagPut.parameters).toContainEqual(expect.objectContaining({ name: 'If-Match', in: 'header' }));
    expect(Object.keys(flagPut.responses)).toEqual(expect.arrayContaining(['200', '412', '428', '429']));

    expect(doc.components.securitySchemes.bearerAuth).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(doc.security).toEqual([{ bearerAuth: [] }]);
    expect(doc.paths['/healthz']!.get!.security).toEqual([]);

    const needs = doc.paths['/v1/clients/{id}/needs']!.post!;
    expect(needs.parameters).toContainEqual(expect.objectContaining({ name: 'Idempotency-Key', in: 'header', required: true }));
    expect(Object.keys(needs.responses).sort()).toEqual(['201', '400', '401', '404', '409', '413', '415', '422', '429']);
    expect(needs.responses['409']!.content).toHaveProperty(['application/problem+json']);
    expect(doc.components.schemas.NewNeed!.additionalProperties).toBe(false);

    const ctx = doc.paths['/v1/clients/{id}/context']!.get!;
    expect(ctx.parameters).toContainEqual(expect.objectContaining({ name: 'If-None-Match', in: 'header' }));
    expect(ctx.responses['200']!.headers).toHaveProperty('ETag');
    expect(ctx.responses).toHaveProperty('304');

    // Every non-2xx/3xx answer is documented as a problem.
    for (const ops of Object.values(doc.paths)) {
      for (const op of Object.values(ops)) {
        for (const [status, r] of Object.entries(op.responses)) {
          if (Number(status) >= 400) expect(Object.keys(r.content ?? {})).toEqual(['application/problem+json']);
        }
      }
    }
    for (const name of ['Client', 'ClientContext', 'Need', 'NewNeed', 'CandidateFlag', 'CandidateFlagInput', 'ChangesPage', 'Problem', 'User', 'ResolveResult']) {
      expect(doc.components.schemas).toHaveProperty([name]);
    }
  });

  it('npm run openapi (scripts/write-openapi.ts) writes the same document', async () => {
    const out = join(tmp.dir, 'openapi.json');
    await promisify(execFile)(process.execPath, ['--import', 'tsx', 'scripts/write-openapi.ts', out], { cwd: fileURLToPath(new URL('../..', import.meta.url)) });
    const written = JSON.parse(readFileSync(out, 'utf8'));
    const served = await (await fetch(`${server.url}/v1/openapi.json`)).json();
    expect(written).toEqual(served);
  }, 60_000);

  it('docs/openapi.json is the generated document and passes Redocly CLI\'s recommended rules with no error or warning', async () => {
    const root = fileURLToPath(new URL('../..', import.meta.url));
    const published = JSON.parse(readFileSync(join(root, 'docs/openapi.json'), 'utf8'));
    const served = await (await fetch(`${server.url}/v1/openapi.json`)).json();
    expect(published).toEqual(served); // run `npm run openapi` after changing the contract
    // Tried as an integrator would: the linter a firm is likely to run, offline, telemetry off.
    const run = await promisify(execFile)(process.execPath, [join(root, 'node_modules/@redocly/cli/bin/cli.js'), 'lint', '--format', 'json', 'docs/openapi.json'], {
      cwd: root, env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' }, maxBuffer: 16 * 1024 * 1024,
    }).catch((err: { stdout?: string }) => ({ stdout: err.stdout ?? '' }));
    const report = JSON.parse(run.stdout) as { totals: { errors: number; warnings: number }; problems: Array<{ ruleId: string; message: string }> };
    expect(report.problems.map((p) => `${p.ruleId}: ${p.message}`)).toEqual([]);
    expect(report.totals).toMatchObject({ errors: 0, warnings: 0 });
  }, 60_000);
});
