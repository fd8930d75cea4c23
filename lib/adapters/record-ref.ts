/**
 * What a plug-in reports about the record on screen. Plain types, no zod: this file ships in the
 * content script. The lists must stay identical to PMS_SYSTEMS / RECORD_KINDS in
 * lib/contract/pms.ts (checked by test/adapters/record-ref.test.ts).
 */
export type PmsSystem =
  | 'clio' | 'salesforce' | 'hubspot' | 'dynamics365' | 'dealcloud' | 'mycase' | 'filevine' | 'actionstep' | 'generic';

export type RecordKind = 'client' | 'contact' | 'matter';

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

export const PMS_SYSTEM_IDS = [
  'clio', 'salesforce', 'hubspot', 'dynamics365', 'dealcloud', 'mycase', 'filevine', 'actionstep', 'generic',
] as const satisfies readonly PmsSystem[];

export const RECORD_KIND_IDS = ['client', 'contact', 'matter'] as const satisfies readonly RecordKind[];
