import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { loadSettings } from '@/lib/settings/load-settings';
import { LAST_POLICY_KEY, readManagedPolicy } from '@/lib/settings/managed-policy';

// Chromium's managed storage can answer seconds late, or not at all while tabs come and go (seen in
// the e2e suite): the extension must neither wait forever nor forget the firm's policy meanwhile.

beforeEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
});

const silent = () => vi.spyOn(fakeBrowser.storage.managed, 'get').mockReturnValue(new Promise(() => undefined));

describe('readManagedPolicy', () => {
  it('reads the policy and remembers it', async () => {
    await fakeBrowser.storage.managed.set({ endpointUrl: 'https://lens.firm.example' });
    expect(await readManagedPolicy(50)).toEqual({ values: { endpointUrl: 'https://lens.firm.example' }, source: 'read' });
    await vi.waitFor(async () => expect((await fakeBrowser.storage.local.get(LAST_POLICY_KEY))[LAST_POLICY_KEY]).toEqual({ endpointUrl: 'https://lens.firm.example' }));
  });

  it('a browser without managed storage (it refuses) has no policy, read as such', async () => {
    vi.spyOn(fakeBrowser.storage.managed, 'get').mockRejectedValue(new Error('Managed storage manifest not found'));
    expect(await readManagedPolicy(50)).toEqual({ values: {}, source: 'read' });
  });

  it('no answer in time and none ever read: unknown, after the time-out', async () => {
    silent();
    const started = Date.now();
    expect(await readManagedPolicy(50)).toEqual({ values: {}, source: 'unknown' });
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('no answer in time: the policy read last time stands in, and settings apply it', async () => {
    await fakeBrowser.storage.local.set({ [LAST_POLICY_KEY]: { maxCacheAgeHours: 24, endpointUrl: 'https://lens.firm.example' } });
    silent();
    expect(await readManagedPolicy(50)).toEqual({ values: { maxCacheAgeHours: 24, endpointUrl: 'https://lens.firm.example' }, source: 'last-seen' });
    const loaded = await loadSettings();
    expect(loaded.policy).toBe('last-seen');
    expect(loaded.settings.maxCacheAgeHours).toBe(24);
    expect(loaded.managedKeys.sort()).toEqual(['endpointUrl', 'maxCacheAgeHours']);
  });

  it('a late answer still becomes the policy remembered', async () => {
    let answer!: (values: Record<string, unknown>) => void;
    vi.spyOn(fakeBrowser.storage.managed, 'get').mockReturnValue(new Promise((resolve) => { answer = resolve; }));
    expect((await readManagedPolicy(20)).source).toBe('unknown');
    answer({ firmName: 'Harbour & Vale LLP' });
    await vi.waitFor(async () => expect((await fakeBrowser.storage.local.get(LAST_POLICY_KEY))[LAST_POLICY_KEY]).toEqual({ firmName: 'Harbour & Vale LLP' }));
  });
});

it('a browser that throws at once, rather than refusing, also reads as no policy', async () => {
  vi.spyOn(fakeBrowser.storage.managed, 'get').mockImplementation(() => { throw new Error('Managed storage manifest not found'); });
  expect(await readManagedPolicy(50)).toEqual({ values: {}, source: 'read' });
});
