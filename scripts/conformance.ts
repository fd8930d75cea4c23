/**
 * Read-only conformance check of a firm endpoint against the Secondment Lens contract.
 *   tsx scripts/conformance.ts --url https://lens.firm.example --token <a user's bearer token> [--client <client id>]
 *     [--walled-client <a client id this user is walled from>] [--bd-token <a BD user's token>]
 *     [--risk-token <a risk user's token>] [--rate-limit-probe <requests>]
 * Prints PASS/FAIL per check; exit code 1 when any check fails. Writes nothing to the endpoint: the
 * write checks send writes the endpoint must refuse (a stale If-Match, a missing client).
 */
import { pathToFileURL } from 'node:url';
import type { z } from 'zod';
import {
  AuditPage, ChangesPage, ClientContext, ClientList, PracticeAreaList, Problem, PROBLEM_CONTENT_TYPE, ResolveResult, User,
} from '../lib/contract';

export type CheckResult = { name: string; ok: boolean; detail?: string };
export type ConformanceOptions = {
  url: string; token: string; clientId?: string; fetch?: typeof fetch;
  /** A client the token's user is walled from: its answers must equal a missing client's. */
  walledClientId?: string;
  /** A business-development user's token: the flag preconditions (412/428) are checked with it. */
  bdToken?: string;
  /** A risk user's token: the audit trail is read with it. */
  riskToken?: string;
  /** Send up to this many requests to find the rate limit (429 + Retry-After). Spends the user's budget. */
  rateLimitProbe?: number;
};

export async function runConformance(opts: ConformanceOptions): Promise<CheckResult[]> {
  const base = opts.url.replace(/\/+$/, '');
  const doFetch = opts.fetch ?? fetch;
  const results: CheckResult[] = [];
  const auth = { Authorization: `Bearer ${opts.token}` };
  const get = (path: string, headers: Record<string, string> = auth) => doFetch(`${base}${path}`, { headers });

  async function check(name: string, fn: () => Promise<string | void>) {
    try {
      const detail = await fn();
      results.push({ name, ok: true, ...(detail ? { detail } : {}) });
    } catch (err) {
      results.push({ name, ok: false, detail: err instanceof Error ? err.message : String(err) });
    }
  }
  const expectStatus = async (res: Response, status: number) => {
    if (res.status !== status) throw new Error(`HTTP ${res.status}, expected ${status}: ${(await res.text()).slice(0, 200)}`);
  };
  const parse = async <S extends z.ZodType>(res: Response, schema: S): Promise<z.output<S>> => {
    await expectStatus(res, 200);
    const r = schema.safeParse(await res.json());
    if (!r.success) throw new Error(`does not match the contract: ${r.error.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    return r.data;
  };
  const expectProblem = async (res: Response, status: number) => {
    await expectStatus(res, status);
    const type = res.headers.get('content-type') ?? '';
    if (!type.startsWith(PROBLEM_CONTENT_TYPE)) throw new Error(`content type ${type}, expected ${PROBLEM_CONTENT_TYPE}`);
    const r = Problem.safeParse(await res.json());
    if (!r.success) throw new Error('body is not an RFC 9457 problem');
    if (r.data.status !== status) throw new Error(`problem status ${r.data.status} ≠ ${status}`);
  };

  await check('GET /v1/me answers a User', async () => `signed in as ${(await parse(await get('/v1/me'), User)).name}`);
  await check('no token → 401 problem+json with WWW-Authenticate: Bearer', async () => {
    const res = await get('/v1/me', {});
    if (!/^Bearer/i.test(res.headers.get('www-authenticate') ?? '')) throw new Error('WWW-Authenticate: Bearer missing');
    await expectProblem(res, 401);
  });
  await check('wrong token → 401 problem+json', async () => expectProblem(await get('/v1/me', { Authorization: 'Bearer conformance-check-invalid-token' }), 401));
  await check('GET /v1/practice-areas answers a PracticeAreaList', async () => `${(await parse(await get('/v1/practice-areas'), PracticeAreaList)).practiceAreas.length} areas`);

  let clientId = opts.clientId;
  let record: ClientList['clients'][number]['externalIds'][number] | undefined;
  await check('GET /v1/clients answers a ClientList', async () => {
    const { clients } = await parse(await get('/v1/clients?query='), ClientList);
    const chosen = clientId ? clients.find((c) => c.id === clientId) : clients.find((c) => c.externalIds.length > 0) ?? clients[0];
    clientId ??= chosen?.id;
    record = chosen?.externalIds[0];
    return `${clients.length} clients`;
  });
  await check('GET /v1/resolve finds a client by one of its PMS records', async () => {
    if (!record || !clientId) return 'skipped: no client with a PMS record to try';
    const q = new URLSearchParams({ system: record.system, kind: record.kind, externalId: record.externalId, ...(record.tenant ? { tenant: record.tenant } : {}) });
    const { matches } = await parse(await get(`/v1/resolve?${q}`), ResolveResult);
    if (!matches.some((m) => m.id === clientId)) throw new Error(`${clientId} is not among the matches`);
  });
  await check('GET /v1/resolve with an unknown system → 400 problem', async () => expectProblem(await get('/v1/resolve?system=not-a-system&kind=client&externalId=1'), 400));
  await check('GET /v1/clients/{id}/context answers a ClientContext with an ETag; If-None-Match → 304', async () => {
    if (!clientId) throw new Error('no client to try (pass --client)');
    const path = `/v1/clients/${encodeURIComponent(clientId)}/context`;
    const res = await get(path);
    const etag = res.headers.get('etag');
    await parse(res, ClientContext);
    if (!etag) throw new Error('no ETag header');
    const again = await get(path, { ...auth, 'If-None-Match': etag });
    if (again.status !== 304) throw new Error(`If-None-Match gave ${again.status}, expected 304`);
    return etag.startsWith('W/') ? 'weak ETag (a strong one is recommended)' : undefined;
  });
  await check('GET /v1/clients/{unknown}/context → 404 problem', async () => expectProblem(await get('/v1/clients/conformance-no-such-client/context'), 404));
  await check('GET /v1/changes answers a ChangesPage', async () => {
    const page = await parse(await get('/v1/changes?since=0&limit=10'), ChangesPage);
    if (page.changes.length > 10) throw new Error('more changes than the limit');
    return `${page.changes.length} changes, hasMore ${page.hasMore}`;
  });
  await check('an unknown route → 404 problem', async () => expectProblem(await get('/v1/conformance-no-such-route'), 404));

  // ── what a risk team signs off ──────────────────────────────────────────
  const bodyWithoutInstance = async (res: Response) => {
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = { ...(JSON.parse(text) as object), instance: undefined };
    } catch { /* compare the raw text */ }
    return JSON.stringify({ status: res.status, type: res.headers.get('content-type'), body: parsed });
  };
  await check('a walled client answers exactly as a missing one (404, same body apart from instance)', async () => {
    if (!opts.walledClientId) return 'skipped: pass --walled-client <a client id this user is walled from>';
    const walledId = encodeURIComponent(opts.walledClientId);
    const missingId = 'conformance-no-such-client';
    for (const path of [(id: string) => `/v1/clients/${id}/context`]) {
      const walled = await bodyWithoutInstance(await get(path(walledId)));
      const missing = await bodyWithoutInstance(await get(path(missingId)));
      if (!walled.includes('"status":404')) throw new Error(`walled client answered ${walled.slice(0, 120)}`);
      if (walled !== missing) throw new Error('the walled and the missing client answer differently: a wall is confirmed');
    }
  });
  await check('POST a need for a missing client → 404 problem (nothing written)', async () => expectProblem(await doFetch(`${base}/v1/clients/conformance-no-such-client/needs`, {
    method: 'POST', headers: { ...auth, 'Content-Type': 'application/json', 'Idempotency-Key': `conformance-${Date.now()}` },
    body: JSON.stringify({ title: 'Conformance check', practiceArea: 'Tax' }),
  }), 404));
  await check('a candidate-flag write with a stale If-Match → 412 with currentFlag; without If-Match on a flag → 428', async () => {
    if (!opts.bdToken) return 'skipped: pass --bd-token <a BD user\'s token>';
    if (!clientId) throw new Error('no client to try (pass --client)');
    const bdAuth = { Authorization: `Bearer ${opts.bdToken}` };
    const path = `${base}/v1/clients/${encodeURIComponent(clientId)}/candidate-flag`;
    const flagNow = (await parse(await get(`/v1/clients/${encodeURIComponent(clientId)}/context`, bdAuth), ClientContext)).candidateFlag;
    const stale = await doFetch(path, {
      method: 'PUT', headers: { ...bdAuth, 'Content-Type': 'application/json', 'If-Match': '"conformance-stale-version"' },
      body: JSON.stringify({ reason: 'Conformance check: must be refused', priority: 'low' }),
    });
    await expectStatus(stale.clone(), 412);
    const problem = Problem.safeParse(await stale.json());
    if (!problem.success || problem.data.currentFlag === undefined) throw new Error('412 without currentFlag');
    if (!flagNow) return '412 checked; 428 not checked (the client has no flag, and a PUT without If-Match would set one)';
    const unconditional = await doFetch(path, { method: 'DELETE', headers: bdAuth });
    await expectStatus(unconditional, 428);
  });
  await check('GET /v1/audit answers an AuditPage to a risk user and 403 to others', async () => {
    if (!opts.riskToken) return 'skipped: pass --risk-token <a risk user\'s token>';
    const page = await parse(await get('/v1/audit?limit=5', { Authorization: `Bearer ${opts.riskToken}` }), AuditPage);
    await expectProblem(await get('/v1/audit?limit=5'), 403);
    return `${page.entries.length} entries`;
  });
  await check('past the rate limit → 429 problem with Retry-After', async () => {
    if (!opts.rateLimitProbe) return 'skipped: pass --rate-limit-probe <requests> (spends this user\'s request budget)';
    for (let i = 0; i < opts.rateLimitProbe; i++) {
      const res = await get('/v1/me');
      if (res.status === 429) {
        const retryAfter = res.headers.get('retry-after');
        if (!retryAfter || !/^\d+$/.test(retryAfter)) throw new Error('429 without Retry-After seconds');
        await expectProblem(res, 429);
        return `429 after ${i} requests, Retry-After ${retryAfter}`;
      }
      await res.body?.cancel();
    }
    throw new Error(`no 429 within ${opts.rateLimitProbe} requests`);
  });
  return results;
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const url = arg('url');
  const token = arg('token') ?? process.env.LENS_TOKEN;
  if (!url || !token) {
    console.error('usage: tsx scripts/conformance.ts --url URL --token TOKEN [--client CLIENT_ID] [--walled-client ID] [--bd-token T] [--risk-token T] [--rate-limit-probe N]   (or LENS_TOKEN=…)');
    process.exit(2);
  }
  const probe = arg('rate-limit-probe');
  if (probe !== undefined && !/^[1-9][0-9]{0,4}$/.test(probe)) {
    console.error('--rate-limit-probe must be a number of requests (1–99999).');
    process.exit(2);
  }
  const results = await runConformance({
    url, token, clientId: arg('client'), walledClientId: arg('walled-client'), bdToken: arg('bd-token'), riskToken: arg('risk-token'),
    rateLimitProbe: probe === undefined ? undefined : Number(probe),
  });
  for (const r of results) console.log(`${r.ok ? 'PASS' : 'FAIL'}  ${r.name}${r.detail ? `  — ${r.detail}` : ''}`);
  const failed = results.filter((r) => !r.ok).length;
  console.log(failed ? `${failed} of ${results.length} checks failed` : `all ${results.length} checks passed`);
  process.exit(failed ? 1 : 0);
}
