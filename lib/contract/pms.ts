import { z } from 'zod';

import { PMS_SYSTEMS, RECORD_KINDS } from './record-identity';

/** Practice-management and CRM systems with a built-in plug-in; `generic` covers firm-defined rules. */
export const PmsSystem = z.enum(PMS_SYSTEMS);
export type PmsSystem = z.infer<typeof PmsSystem>;

/** What a record page shows: an organisation, a person, or a matter/case/deal. */
export const RecordKind = z.enum(RECORD_KINDS);
export type RecordKind = z.infer<typeof RecordKind>;

/** A record in a PMS that the firm maps to one of its clients. */
export const ExternalRecord = z.object({
  system: PmsSystem,
  kind: RecordKind,
  externalId: z.string().min(1).max(128),
  /** The PMS instance the id belongs to (Clio host, Salesforce My Domain, HubSpot portal…); null when the system has one. */
  tenant: z.string().min(1).max(253).nullable(),
});
export type ExternalRecord = z.infer<typeof ExternalRecord>;

