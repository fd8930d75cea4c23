import type { PmsSystem, RecordKind } from '../contract/record-identity';

export type { PmsSystem, RecordKind };

/**
 * What a plug-in reports about the record on screen. Plain types, no zod: this file ships in the
 * content script. Systems and kinds come from the one list, lib/contract/record-identity.ts.
 */
export type RecordRef = {
  system: PmsSystem;
  kind: RecordKind;
  /** The system's own canonical id (Clio numeric id, Salesforce 18-character id, lower-case GUID…). */
  externalId: string;
  /** The instance the id belongs to (Clio host, Salesforce My Domain, HubSpot portal…). */
  tenant?: string;
  /** Record display name as the page shows it; read from the DOM, never from the URL. */
  label?: string;
  /** The system's object type where several map to one kind (Salesforce object API name, generic rule id). */
  objectType?: string;
};
