/**
 * The one record identity of the product: the practice-management systems with a built-in plug-in,
 * and the kinds of record a page can show. Plain data, no zod: the content script's adapters, the
 * contract's schemas (lib/contract/pms.ts), the pages and the server all read these lists, so a new
 * system is one line here (plus its plug-in, lib/adapters/README.md).
 */

/** Each system's id (as stored in mappings and sent on the wire) and the name users know it by. */
export const PMS_SYSTEM_NAMES = {
  clio: 'Clio',
  salesforce: 'Salesforce',
  hubspot: 'HubSpot',
  dynamics365: 'Dynamics 365',
  dealcloud: 'DealCloud',
  mycase: 'MyCase',
  filevine: 'Filevine',
  actionstep: 'Actionstep',
  /** Records detected by a firm's own rules (options page or policy), not by a plug-in. */
  generic: 'Firm system',
} as const;

export type PmsSystem = keyof typeof PMS_SYSTEM_NAMES;
export const PMS_SYSTEMS = Object.keys(PMS_SYSTEM_NAMES) as [PmsSystem, ...PmsSystem[]];

/** What a record page shows: an organisation, a person, or a matter/case/deal. */
export const RECORD_KINDS = ['client', 'contact', 'matter'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];
