import { subdomainOf } from '../url';

/**
 * Salesforce host forms. Tenant is the My Domain name as the host spells it: `acme`, or
 * `acme--uat` for a sandbox. Microsoft Defender for Cloud Apps proxies a host by appending `.mcas.ms`.
 */
export type SalesforceHost = { ui: 'lightning' | 'classic'; tenant: string };

const MCAS_PROXY_SUFFIX = '.mcas.ms';
const LIGHTNING_SUFFIXES = ['.lightning.force.com', '.lightning.force.mil', '.lightning.crmforce.mil'];
const CLASSIC_SUFFIXES = ['.my.salesforce.com'];

export const SALESFORCE_MATCHES = [
  ...[...LIGHTNING_SUFFIXES, ...CLASSIC_SUFFIXES].map((suffix) => `https://*${suffix}/*`),
  `https://*${MCAS_PROXY_SUFFIX}/*`, // covers every proxied host; the URL gate narrows it
];

function myDomainOf(host: string, suffix: string): string | null {
  // Sandboxes: `{domain}--{sandbox}.sandbox{suffix}`; older sandboxes drop the `.sandbox` label.
  const sandbox = subdomainOf(host, `.sandbox${suffix}`);
  if (sandbox !== null) return sandbox.includes('--') ? sandbox : null;
  return subdomainOf(host, suffix);
}

export function parseSalesforceHost(hostname: string): SalesforceHost | null {
  const host = hostname.endsWith(MCAS_PROXY_SUFFIX) ? hostname.slice(0, -MCAS_PROXY_SUFFIX.length) : hostname;
  for (const [ui, suffixes] of [['lightning', LIGHTNING_SUFFIXES], ['classic', CLASSIC_SUFFIXES]] as const) {
    for (const suffix of suffixes) {
      const tenant = myDomainOf(host, suffix);
      if (tenant !== null) return { ui, tenant };
    }
  }
  return null;
}
