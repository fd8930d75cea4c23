import { describe, expect, it } from 'vitest';
import { type BookChunk, chunkOf, foldAll, foldClient, packParts, withoutClientParts } from '@/lib/cache/book-chunk';
import { recordKey } from '@/lib/cache/record-index';
import { NEEDS, readyView, SAM_ACTIVE } from '../components/fixtures';

const client = readyView().context.client;
const record = { system: 'clio' as const, kind: 'contact' as const, externalId: '42', tenant: null };
const need = (id: string, clientId = client.id, title = id) => ({ ...NEEDS[0]!, id, clientId, title });
const seq = (chunks: BookChunk[]) => chunks.map((c, i) => ({ ...c, seq: i + 1 }));

describe('a client folded from its parts', () => {
  it('takes the newest record, upserts by id, and lets a later part delete what an earlier one wrote', () => {
    const chunks = seq([
      chunkOf([{ clientId: client.id, client, needs: [need('n1'), need('n2')], secondments: [SAM_ACTIVE] }], 10),
      chunkOf([{ clientId: client.id, needs: [need('n2', client.id, 'n2 renamed')], deletedNeeds: ['n1'] }], 20),
      chunkOf([{ clientId: client.id, client: { ...client, name: 'Renamed plc' }, deletedSecondments: [SAM_ACTIVE.id] }], 15),
    ]);
    const folded = foldClient(client.id, chunks);
    expect(folded.client?.name).toBe('Renamed plc');
    expect(folded.needs.map((n) => [n.id, n.title])).toEqual([['n2', 'n2 renamed']]);
    expect(folded.secondments).toEqual([]);
    expect(folded).toMatchObject({ writtenAt: 20, chunks: 3 });
  });

  it('ignores other clients’ parts in a shared chunk, and has no record while only children are known', () => {
    const chunk = chunkOf([{ clientId: 'other', client: { ...client, id: 'other' } }, { clientId: client.id, needs: [need('n1')] }], 1);
    const folded = foldClient(client.id, [chunk]);
    expect(folded.client).toBeUndefined();
    expect(folded.needs.map((n) => n.id)).toEqual(['n1']);
    expect([...foldAll([chunk]).keys()].sort()).toEqual(['other', client.id].sort());
  });
});

describe('chunks', () => {
  it('index every client with a part and the PMS records of the records they carry', () => {
    const chunk = chunkOf([{ clientId: 'a', client: { ...client, id: 'a', externalIds: [record] } }, { clientId: 'b', needs: [need('n', 'b')] }], 5);
    expect(chunk.clientIds).toEqual(['a', 'b']);
    expect(chunk.recordKeys).toEqual([recordKey(record)]);
  });

  it('pack parts to the entity budget without splitting a client’s part', () => {
    const parts = [
      { clientId: 'a', client: { ...client, id: 'a' } },
      { clientId: 'b', needs: [need('b1', 'b'), need('b2', 'b'), need('b3', 'b')] },
      { clientId: 'c', needs: [need('c1', 'c')] },
      { clientId: 'd', needs: Array.from({ length: 6 }, (_, i) => need(`d${i}`, 'd')) },
    ];
    const chunks = packParts(parts, 7, 4);
    expect(chunks.map((c) => c.clientIds)).toEqual([['a', 'b'], ['c'], ['d']]);
    expect(chunks.every((c) => c.writtenAt === 7)).toBe(true);
  });

  it('lose a client’s parts and index keys when it is removed; an emptied chunk is null', () => {
    const [chunk] = seq([chunkOf([{ clientId: 'a', client: { ...client, id: 'a', externalIds: [record] } }, { clientId: 'b', needs: [need('n', 'b')] }], 5)]);
    const rest = withoutClientParts(chunk!, new Set(['a']));
    expect(rest).toMatchObject({ seq: 1, clientIds: ['b'], recordKeys: [], writtenAt: 5 });
    expect(withoutClientParts(chunk!, new Set(['a', 'b']))).toBeNull();
  });
});
