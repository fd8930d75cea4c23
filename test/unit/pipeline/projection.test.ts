import { describe, expect, it } from 'vitest';
import { fromColumns, toColumns } from '@/lib/pipeline/columns';
import { newestFirst } from '@/lib/pipeline/need-row';
import { bucketOf, decodeChunk, encodeChunk, projectRows, splitBook } from '@/lib/pipeline/projection';
import { client, flag, need, secondment } from './fixtures';

describe('rows kept as columns', () => {
  it('gives every kind of field back as it went in, nulls included', () => {
    type Row = { a: string | null; b: string | null; c: number; d: boolean; e: { x: number } | null };
    const rows: Row[] = [
      { a: 'one', b: 'same', c: 1.5, d: true, e: null },
      { a: null, b: null, c: -2, d: false, e: { x: 1 } },
      { a: 'three', b: 'same', c: 0, d: true, e: null },
    ];
    const schema = { a: 'text', b: 'code', c: 'number', d: 'flag', e: 'sparse' } as const;
    const table = toColumns(rows, schema);
    expect(table.strings).toEqual(['same']); // repeated text kept once
    expect(fromColumns<Row>(structuredClone(table), schema)).toEqual(rows);
  });
});

describe('the pipeline projection of the book', () => {
  const book = projectRows({
    clients: [client('c-1', 'Acme'), client('c-2', 'Birch')],
    needs: [
      need({ clientId: 'c-1', title: 'Open need', owner: { userId: 'u-2', name: 'Eleanor Marsh' }, matter: { system: 'clio', kind: 'matter', externalId: 'M-1', tenant: null } }),
      need({ clientId: 'c-2', title: 'Secret merger', detail: 'x', redacted: true, confidential: true, askContact: { userId: 'u-bd', name: 'Priya Shah' } }),
    ],
    secondments: [secondment({ clientId: 'c-2', checkIns: { last: null, nextDue: '2026-06-01' } })],
    flags: [flag({ clientId: 'c-1' })],
  });

  it('comes back from a stored chunk exactly as projected', () => {
    expect(decodeChunk(structuredClone(encodeChunk(book)))).toEqual({ ...book, needs: [...book.needs].sort(newestFirst) });
  });

  it('never holds the text of a redacted need, only whom to ask', () => {
    const stored = JSON.stringify(encodeChunk(book), (_k, v: unknown) => (ArrayBuffer.isView(v) ? [...(v as Int32Array)] : v));
    expect(stored).not.toContain('Secret merger');
    expect(stored).toContain('Priya Shah');
    expect(book.needs.find((n) => n.clientId === 'c-2')).toMatchObject({ title: null, redacted: true, askContact: 'Priya Shah' });
  });

  it('keeps everything of one client in one chunk', () => {
    for (const buckets of [1, 3, 7]) {
      const parts = splitBook(book, buckets);
      const home = bucketOf('c-2', buckets);
      expect(home).toBeGreaterThanOrEqual(0);
      expect(home).toBeLessThan(buckets);
      parts.forEach((part, i) => {
        const has = part.clients.some((c) => c.id === 'c-2') || part.needs.some((n) => n.clientId === 'c-2') || part.secondments.length > 0;
        expect(has).toBe(i === home);
      });
    }
  });
});
