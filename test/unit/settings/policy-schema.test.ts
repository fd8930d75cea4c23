import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { POLICY_PROPERTIES } from '@/lib/settings/policy-schema';
import { SettingsSchema } from '@/lib/settings/settings-schema';

// public/managed_schema.json is what Chrome and Edge validate policy against (and what the
// deployment kit writes from); lib/settings/settings-schema.ts is what the extension applies.
// A key in one and not the other, or typed differently, would be dropped or misread silently.

const extension = z.toJSONSchema(SettingsSchema, { io: 'input' }).properties as Record<string, { type?: string; enum?: string[]; anyOf?: { type: string }[] }>;
const typeOf = (p: { type?: string; anyOf?: { type: string }[] }) => p.type ?? p.anyOf?.map((t) => t.type).find((t) => t !== 'null');

describe('the policy schema and the settings schema', () => {
  it('name the same settings (genericRules has its own reader, lib/settings/generic-rules-store.ts)', () => {
    expect(Object.keys(POLICY_PROPERTIES).filter((k) => k !== 'genericRules').sort()).toEqual(Object.keys(SettingsSchema.shape).sort());
  });

  for (const key of Object.keys(SettingsSchema.shape)) {
    it(`type ${key} alike, and give it a title for IT and the options page`, () => {
      expect(POLICY_PROPERTIES[key]?.type).toBe(typeOf(extension[key]!));
      expect(POLICY_PROPERTIES[key]?.title).toBeTruthy();
      expect(POLICY_PROPERTIES[key]?.enum).toEqual(extension[key]!.enum);
    });
  }
});
