/**
 * Fixed identities of the demo firm. The extension's end-to-end tests rely on these exact values:
 * change them only together with those tests.
 */
import type { ExternalRecord } from '../../lib/contract';

export const DEMO_USERS = {
  partner: { id: 'u-partner', name: 'Eleanor Marsh', title: 'Partner, Commercial', email: 'eleanor.marsh@marshokafor.example', role: 'lawyer', token: 'demo-partner-token' },
  secondee: { id: 'u-associate', name: 'Sam Okafor', title: 'Senior Associate, Commercial', email: 'sam.okafor@marshokafor.example', role: 'lawyer', token: 'demo-secondee-token' },
  bd: { id: 'u-bd', name: 'Priya Shah', title: 'Business Development Manager', email: 'priya.shah@marshokafor.example', role: 'bd', token: 'demo-bd-token' },
  risk: { id: 'u-risk', name: 'Rita Chen', title: 'Risk & Compliance', email: 'rita.chen@marshokafor.example', role: 'risk', token: 'demo-risk-token' },
} as const;

export const DEMO_TOKENS = {
  partner: DEMO_USERS.partner.token,
  secondee: DEMO_USERS.secondee.token,
  bd: DEMO_USERS.bd.token,
  risk: DEMO_USERS.risk.token,
} as const;

export const DEMO_FIRM_NAME = 'Marsh Okafor LLP';

export const CLIO_TENANT = 'app.clio.com';
export const SALESFORCE_TENANT = 'acme';
export const HUBSPOT_PORTAL = '4455667';

export const DEMO_CLIENTS = {
  northwind: { id: 'c-northwind', name: 'Northwind Logistics plc', industry: 'Logistics & Supply Chain' },
  harbor: { id: 'c-harbor', name: 'Harbor Biotech Ltd', industry: 'Life Sciences' },
  aldgate: { id: 'c-aldgate', name: 'Aldgate Capital LLP', industry: 'Asset Management' },
  aldgateHoldings: { id: 'c-aldgate-holdings', name: 'Aldgate Capital Holdings Ltd', industry: 'Asset Management' },
  meridian: { id: 'c-meridian', name: 'Meridian Retail Group', industry: 'Retail' },
} as const;

export const NORTHWIND_ID = DEMO_CLIENTS.northwind.id;
export const HARBOR_ID = DEMO_CLIENTS.harbor.id;
export const MERIDIAN_ID = DEMO_CLIENTS.meridian.id;

/** The PMS records the end-to-end tests open. */
export const DEMO_RECORDS = {
  northwindClioContact: { system: 'clio', kind: 'contact', externalId: '1001', tenant: CLIO_TENANT },
  northwindClioMatter: { system: 'clio', kind: 'matter', externalId: '5001', tenant: CLIO_TENANT },
  northwindSalesforceAccount: { system: 'salesforce', kind: 'client', externalId: '001Dn00000AbCdEIAV', tenant: SALESFORCE_TENANT },
  northwindHubspotCompany: { system: 'hubspot', kind: 'client', externalId: '12345001', tenant: HUBSPOT_PORTAL },
  harborClioContact: { system: 'clio', kind: 'contact', externalId: '1002', tenant: CLIO_TENANT },
  /** Maps to both Aldgate clients: the ambiguous case. */
  aldgateClioContact: { system: 'clio', kind: 'contact', externalId: '1003', tenant: CLIO_TENANT },
  /** Maps to no client. */
  unmappedClioContact: { system: 'clio', kind: 'contact', externalId: '1999', tenant: CLIO_TENANT },
} as const satisfies Record<string, ExternalRecord>;

/** Sam Okafor's active outbound secondment at Northwind, and Northwind's reverse secondee. */
export const NORTHWIND_ACTIVE_OUTBOUND_ID = 's-northwind-okafor';
export const NORTHWIND_ACTIVE_REVERSE_ID = 's-northwind-reverse-verma';

/** Ethical walls of the demo firm: user → clients they must not see. */
export const DEMO_WALLS = [{ userId: DEMO_USERS.secondee.id, clientId: DEMO_CLIENTS.harbor.id }] as const;

/** Fixed seed of the demo firm's pseudo-random choices (same data on every machine for one `today`). */
export const DEMO_SEED = 20240611;
