import { describe, expect, it } from 'vitest';
import { normaliseHeader } from '../../../server/import/headers';
import { CLIENTS_SPEC } from '../../../server/import/specs/clients';
import { SECONDMENTS_SPEC } from '../../../server/import/specs/secondments';
import { USERS_SPEC } from '../../../server/import/specs/users';
import { WALLS_SPEC } from '../../../server/import/specs/walls';
import { Vocabulary } from '../../../server/import/values';

describe('Vocabulary', () => {
  it('reads a value by any of its words, case and punctuation aside', () => {
    const v = new Vocabulary<'a' | 'b'>('letter', { a: ['alpha'], b: ['Bravo two'] });
    expect([v.lookup('ALPHA'), v.lookup('bravo-two'), v.lookup('b'), v.lookup('charlie')]).toEqual(['a', 'b', 'b', undefined]);
    expect(v.read('charlie')).toEqual({ ok: false, reason: '"charlie" is not a known letter (a, b)' });
  });

  it('refuses a word given two meanings', () => {
    expect(() => new Vocabulary<'a' | 'b'>('letter', { a: ['x'], b: ['X'] })).toThrow('letter: "X" means both a and b');
  });
});

describe.each([USERS_SPEC, WALLS_SPEC, CLIENTS_SPEC, SECONDMENTS_SPEC])('the $entity columns', (spec) => {
  it('give every header name to one field only', () => {
    const owner = new Map<string, string>();
    for (const field of spec.fields) {
      for (const name of new Set([field.key, field.label, ...field.synonyms].map(normaliseHeader))) {
        expect(owner.get(name), `"${name}" is claimed by ${owner.get(name)} and ${field.key}`).toBeUndefined();
        owner.set(name, field.key);
      }
    }
  });
});
