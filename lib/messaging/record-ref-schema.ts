import { z } from 'zod';
import { PmsSystem, RecordKind } from '../contract/pms';

/**
 * A PMS record as the content script reports it. It comes from an untrusted page, so every field is
 * bounded; it mirrors `RecordRef` in lib/adapters (a test keeps the two in step).
 */
export const RecordRefSchema = z.strictObject({
  system: PmsSystem,
  kind: RecordKind,
  externalId: z.string().min(1).max(128),
  tenant: z.string().min(1).max(253).optional(),
  label: z.string().max(200).optional(),
  objectType: z.string().max(100).optional(),
});
export type RecordRefMessage = z.infer<typeof RecordRefSchema>;
