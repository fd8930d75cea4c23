import type { PmsSystem, RecordKind } from '../../../lib/contract/pms';
import { toSalesforceId18 } from '../../../lib/adapters/salesforce/id';
import { parseSalesforceHost } from '../../../lib/adapters/salesforce/host';
import { isNumericId } from '../../../lib/adapters/url';
import { normaliseHeader } from '../headers';

/**
 * PMS record-id columns of a CRM export: "Clio contact id", "Salesforce Account ID",
 * "HubSpot company id", "Dynamics opportunity id"…, each with an optional tenant column of the
 * same system ("Clio host", "Salesforce My Domain", "HubSpot portal id"). Ids are stored in the
 * form the page adapters report (lib/adapters), or no page would ever resolve to the client.
 */
type SystemColumns = {
  system: PmsSystem;
  /** How headers name the system (normalised). */
  names: readonly string[];
  /** Record words → the kind the adapter reports for such a page. */
  records: Readonly<Record<string, RecordKind>>;
  /** Canonical id, or null when the text is not an id of this system. */
  id: (text: string) => string | null;
  idHint: string;
  /** Canonical tenant from a tenant cell (a host, a URL, a name…). */
  tenant: (host: string) => string;
};

const numericId = (text: string) => (isNumericId(text) ? text : null);
const GUID = /^\{?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\}?$/i;
const firmSubdomain = (suffix: string) => (host: string) => (host.endsWith(suffix) ? host.slice(0, -suffix.length) : host);

const SYSTEMS: readonly SystemColumns[] = [
  { system: 'clio', names: ['clio', 'cliomanage'], records: { contact: 'contact', client: 'contact', company: 'contact', matter: 'matter' }, id: numericId, idHint: 'a Clio id is digits', tenant: (h) => h },
  {
    system: 'salesforce', names: ['salesforce', 'sfdc', 'sf'],
    records: { account: 'client', client: 'client', contact: 'contact', opportunity: 'matter', matter: 'matter' },
    id: toSalesforceId18, idHint: 'a Salesforce id has 15 or 18 letters and digits',
    tenant: (h) => parseSalesforceHost(h)?.tenant ?? h,
  },
  { system: 'hubspot', names: ['hubspot'], records: { company: 'client', client: 'client', contact: 'contact', deal: 'matter' }, id: numericId, idHint: 'a HubSpot id is digits', tenant: (h) => h },
  {
    system: 'dynamics365', names: ['dynamics365', 'dynamics', 'd365', 'dynamicscrm', 'microsoftdynamics'],
    records: { account: 'client', client: 'client', contact: 'contact', opportunity: 'matter', matter: 'matter' },
    id: (t) => GUID.exec(t)?.[1]?.toLowerCase() ?? null, idHint: 'a Dynamics 365 id is a GUID', tenant: (h) => h,
  },
  { system: 'dealcloud', names: ['dealcloud'], records: { company: 'client', client: 'client', contact: 'contact', deal: 'matter', matter: 'matter' }, id: numericId, idHint: 'a DealCloud entry id is digits', tenant: firmSubdomain('.dealcloud.com') },
  { system: 'mycase', names: ['mycase'], records: { client: 'client', case: 'matter', matter: 'matter' }, id: numericId, idHint: 'a MyCase id is digits', tenant: firmSubdomain('.mycase.com') },
  { system: 'filevine', names: ['filevine'], records: { project: 'matter', matter: 'matter' }, id: numericId, idHint: 'a Filevine project id is digits', tenant: (h) => (h === 'app.filevine.com' ? 'app' : firmSubdomain('.filevineapp.com')(h)) },
  { system: 'actionstep', names: ['actionstep'], records: { action: 'matter', matter: 'matter' }, id: numericId, idHint: 'an Actionstep action id is digits', tenant: (h) => h },
];

const ID_WORDS = ['ids', 'id', 'number', 'no'];
const TENANT_WORDS = ['tenant', 'host', 'hostname', 'mydomain', 'domain', 'instance', 'instanceurl', 'org', 'orgurl', 'url', 'portalid', 'portal', 'hubid', 'firm', 'site', 'subdomain'];

export type PmsIdColumn = { column: number; header: string; system: PmsSystem; kind: RecordKind; def: SystemColumns };
export type PmsTenantColumn = { column: number; system: PmsSystem };

function splitHeader(normalised: string): { def: SystemColumns; rest: string } | null {
  for (const def of SYSTEMS) {
    // Longest name first: "dynamicscrm…" is Dynamics with no "crm…" record word left over.
    const name = [...def.names].sort((a, b) => b.length - a.length).find((n) => normalised.startsWith(n));
    if (name !== undefined) return { def, rest: normalised.slice(name.length) };
  }
  return null;
}

/** The PMS id and tenant columns among the headers not already claimed by a field. */
export function findPmsColumns(headers: readonly string[], claimed: ReadonlySet<number>): { ids: PmsIdColumn[]; tenants: PmsTenantColumn[] } {
  const ids: PmsIdColumn[] = [];
  const tenants: PmsTenantColumn[] = [];
  headers.forEach((header, column) => {
    if (claimed.has(column)) return;
    const split = splitHeader(normaliseHeader(header));
    if (split === null) return;
    const { def, rest } = split;
    if (TENANT_WORDS.includes(rest)) {
      tenants.push({ column, system: def.system });
      return;
    }
    const idWord = ID_WORDS.find((w) => rest.endsWith(w));
    const record = idWord === undefined ? '' : rest.slice(0, -idWord.length);
    if (Object.hasOwn(def.records, record)) ids.push({ column, header, system: def.system, kind: def.records[record]!, def });
  });
  return { ids, tenants };
}

/** One cell may list several ids (a client's Clio matters): separated by `;`, `,` or line breaks. */
export const splitIds = (cell: string): string[] => cell.split(/[;,\n\r]+/).map((s) => s.trim()).filter((s) => s !== '');

/** A tenant cell as the adapters report the tenant: a URL or host reduced to what identifies the instance. */
export function canonicalTenant(def: SystemColumns, cell: string): string | null {
  let text = cell.trim().toLowerCase();
  if (text === '') return null;
  if (text.includes('://')) {
    try {
      text = new URL(text).hostname;
    } catch {
      return text;
    }
  }
  return def.tenant(text.replace(/\/+$/, ''));
}
