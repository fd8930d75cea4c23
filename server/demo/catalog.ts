/** The demo firm's vocabulary: clients, people and the kind of work secondments actually involve. */
import type { ObjectiveCategory } from '../../lib/contract';

export const PRACTICE_AREAS = [
  'Employment', 'Data Protection & Privacy', 'Commercial Contracts', 'Competition', 'Tax', 'Real Estate',
  'Disputes', 'Regulatory', 'IP & Technology', 'Corporate M&A', 'Finance', 'Pensions', 'Environment & ESG',
  'Restructuring & Insolvency', 'Immigration', 'Construction', 'Procurement & Public Law',
] as const;

/** The rest of the book, beside the fixed clients of demo-ids.ts. */
export const OTHER_CLIENTS: ReadonlyArray<{ id: string; name: string; industry: string }> = [
  { id: 'c-fenwick-energy', name: 'Fenwick Energy Ltd', industry: 'Energy & Utilities' },
  { id: 'c-calder-water', name: 'Calder Water Services plc', industry: 'Energy & Utilities' },
  { id: 'c-brightline-rail', name: 'Brightline Rail Holdings', industry: 'Transport' },
  { id: 'c-osprey-insurance', name: 'Osprey Mutual Insurance', industry: 'Insurance' },
  { id: 'c-kestrel-bank', name: 'Kestrel Bank plc', industry: 'Banking' },
  { id: 'c-thistle-software', name: 'Thistle Software Ltd', industry: 'Technology' },
  { id: 'c-quayside-homes', name: 'Quayside Homes plc', industry: 'Real Estate & Housebuilding' },
  { id: 'c-lumen-health', name: 'Lumen Health NHS Foundation Trust', industry: 'Healthcare' },
  { id: 'c-arden-foods', name: 'Arden Foods Group', industry: 'Food & Beverage' },
  { id: 'c-pennine-chemicals', name: 'Pennine Chemicals Ltd', industry: 'Chemicals' },
  { id: 'c-saltmarsh-media', name: 'Saltmarsh Media Ltd', industry: 'Media & Entertainment' },
  { id: 'c-greyfriars-university', name: 'Greyfriars University', industry: 'Education' },
  { id: 'c-vale-telecom', name: 'Vale Telecom plc', industry: 'Telecommunications' },
  { id: 'c-corvid-security', name: 'Corvid Cyber Security Ltd', industry: 'Technology' },
  { id: 'c-hartley-construction', name: 'Hartley Construction Group', industry: 'Construction' },
  { id: 'c-nimbus-aviation', name: 'Nimbus Aviation Services', industry: 'Aviation' },
  { id: 'c-orchard-pharma', name: 'Orchard Pharma UK Ltd', industry: 'Life Sciences' },
  { id: 'c-tidewater-ports', name: 'Tidewater Ports Ltd', industry: 'Logistics & Supply Chain' },
  { id: 'c-beacon-council', name: 'Beacon Borough Council', industry: 'Public Sector' },
  { id: 'c-silverbirch-pensions', name: 'Silverbirch Pension Trustees Ltd', industry: 'Pensions' },
  { id: 'c-larkspur-fashion', name: 'Larkspur Fashion Ltd', industry: 'Retail' },
  { id: 'c-ironbridge-engineering', name: 'Ironbridge Engineering plc', industry: 'Manufacturing' },
  { id: 'c-cobalt-mining', name: 'Cobalt Ridge Mining plc', industry: 'Mining & Metals' },
  { id: 'c-wren-hotels', name: 'Wren Hotels & Resorts', industry: 'Hospitality' },
];

/** Firm lawyers who go on secondment (only Sam Okafor signs in to the demo endpoint). */
export const FIRM_LAWYERS: ReadonlyArray<{ name: string; title: string; team: string }> = [
  { name: 'Hannah Price', title: 'Associate, Employment', team: 'Employment' },
  { name: 'Tom Whitfield', title: 'Senior Associate, Disputes', team: 'Disputes' },
  { name: 'Grace Adeyemi', title: 'Associate, Commercial', team: 'Commercial' },
  { name: 'Oliver Brennan', title: 'Associate, Corporate', team: 'Corporate' },
  { name: 'Meera Iyer', title: 'Senior Associate, Data Protection', team: 'Data Protection' },
  { name: 'Jack Doherty', title: 'Associate, Real Estate', team: 'Real Estate' },
  { name: 'Chloe Lambert', title: 'Associate, Regulatory', team: 'Regulatory' },
  { name: 'Daniel Szabo', title: 'Senior Associate, IP & Technology', team: 'IP & Technology' },
  { name: 'Fatima Rahman', title: 'Associate, Finance', team: 'Finance' },
  { name: 'Lucy Chen', title: 'Associate, Competition', team: 'Competition' },
  { name: 'Ben Hollis', title: 'Senior Associate, Pensions', team: 'Pensions' },
  { name: 'Amara Nwosu', title: 'Associate, Environment & ESG', team: 'ESG' },
  { name: 'Rory McAllister', title: 'Associate, Construction', team: 'Construction' },
  { name: 'Sophie Kaur', title: 'Trainee Solicitor', team: 'Commercial' },
];

export const CLIENT_FIRST_NAMES = ['Aisha', 'James', 'Nadia', 'Peter', 'Rachel', 'Kwame', 'Laura', 'Marcus', 'Ingrid', 'Sean', 'Yasmin', 'Colin', 'Elena', 'Victor', 'Harriet', 'Dev'];
export const CLIENT_LAST_NAMES = ['Verma', 'Holt', 'Karimi', 'Fletcher', 'Ogunleye', 'Sinclair', 'Novak', 'Ellison', 'Bhatt', 'Murray', 'Costa', 'Lindqvist', 'Abbott', 'Quinn', 'Patel', 'Greaves'];

export const HOST_TEAMS = ['Group Legal', 'Legal — Commercial', 'Legal & Company Secretariat', 'Legal — Employment', 'Regulatory Affairs', 'Legal — Procurement', 'Data Protection Office', 'Legal — Property'];
export const HOST_CONTACT_TITLES = ['General Counsel', 'Deputy General Counsel', 'Head of Legal, Commercial', 'Senior Legal Counsel', 'Head of Employment Law', 'Data Protection Officer', 'Company Secretary'];
export const FIRM_HOST_TEAMS = ['Commercial team, London', 'Employment team, London', 'Disputes team, Manchester', 'Corporate team, London', 'Regulatory team, Leeds'];
export const FIRM_MENTORS = [
  { name: 'Eleanor Marsh', title: 'Partner, Commercial' },
  { name: 'Richard Okonjo', title: 'Partner, Employment' },
  { name: 'Sarah Whitlock', title: 'Partner, Disputes' },
  { name: 'Marcus Feld', title: 'Partner, Corporate' },
];

export const OBJECTIVES: Record<ObjectiveCategory, readonly string[]> = {
  skills: [
    'Run a contract negotiation end to end without partner support',
    'Lead the in-house team\'s weekly contract triage',
    'Draft board papers for the risk committee',
    'Build confidence advising non-lawyer stakeholders directly',
  ],
  relationship: [
    'Meet every member of the general counsel\'s leadership team',
    'Establish a monthly catch-up with the head of procurement',
    'Introduce the firm\'s employment partner to the HR director',
    'Become the go-to contact for the operations directors',
  ],
  'business-development': [
    'Identify three matters the firm could support in the next year',
    'Map the client\'s panel review timetable and decision makers',
    'Understand the client\'s outside-counsel spend by practice area',
  ],
  'knowledge-exchange': [
    'Deliver two lunchtime training sessions to the in-house team',
    'Bring back a note on the client\'s contract management system',
    'Share the firm\'s know-how notes on the new procurement regime',
    'Write a playbook for the client\'s standard supplier terms',
  ],
  'service-delivery': [
    'Clear the backlog of supplier NDAs and low-value contracts',
    'Cover the senior counsel\'s parental leave',
    'Support the migration of template contracts to the new CLM',
    'Provide day-to-day employment advice to HR business partners',
  ],
};

export const REVIEW_SUMMARIES = {
  all: 'All objectives met. The host team asked for a follow-on placement; the secondee is now the firm\'s day-to-day contact.',
  most: 'Most objectives met. Training sessions were well received; the panel-review mapping slipped because of the client\'s restructure.',
  some: 'Some objectives met. The placement was dominated by a backlog of routine contracts, which limited relationship-building.',
  none: 'Objectives not met: the host team was reorganised soon after the start and the work dried up.',
} as const;

export const ENDED_EARLY_SUMMARY = 'Ended early when the client\'s legal budget was cut mid-year. The relationship objectives were partly met; the client asked to revisit a placement next year.';

export const REINTEGRATION_PLANS = [
  'Return to the commercial team on a reduced billable target for the first month; present learnings at the team meeting; stay relationship contact for the host team.',
  'Phased return over two weeks; debrief with the client partner; write a client-insight note for the BD team; keep a monthly call with the host mentor.',
  'Rejoin the practice group with a mentor partner; handover of open in-house files to the host team; share the client\'s contract playbook internally.',
];

/** Unmet needs a secondee typically spots, by practice area. */
export const NEED_TEMPLATES: ReadonlyArray<{ area: (typeof PRACTICE_AREAS)[number]; title: string; detail: string }> = [
  { area: 'Employment', title: 'Review of driver engagement model (worker status risk)', detail: 'Operations relies on self-employed drivers on terms last reviewed in 2019; the HR director is worried about worker-status claims after recent tribunal decisions.' },
  { area: 'Employment', title: 'Redundancy consultation for regional depot closures', detail: 'Two depots may close next year; HR has no plan yet for collective consultation timelines.' },
  { area: 'Data Protection & Privacy', title: 'DPIA for new telematics and driver-monitoring system', detail: 'A vendor pilot starts next quarter; no data protection impact assessment has been done and works councils have not been consulted.' },
  { area: 'Data Protection & Privacy', title: 'International transfer mapping for US-hosted HR platform', detail: 'The new HR system stores data in the US; transfer risk assessments are missing.' },
  { area: 'Commercial Contracts', title: 'Renegotiation of master services agreement with largest customer', detail: 'The MSA renews in nine months; the commercial director wants to revisit liability caps and service credits.' },
  { area: 'Commercial Contracts', title: 'Standard terms of purchase are out of date', detail: 'Procurement uses terms drafted before the current supplier base; no modern slavery or ESG clauses.' },
  { area: 'Competition', title: 'Information-sharing risk in industry benchmarking group', detail: 'The pricing team attends a trade association benchmarking exercise that exchanges forward-looking data.' },
  { area: 'Tax', title: 'VAT treatment of cross-border warehousing services', detail: 'Finance is unsure about place-of-supply rules for the new EU fulfilment contract.' },
  { area: 'Real Estate', title: 'Lease renewals for three distribution centres', detail: 'Leases end within 18 months; the property team is stretched and considering outside help for the negotiations.' },
  { area: 'Disputes', title: 'Potential claim against a failed software implementation vendor', detail: 'The ERP project is 14 months late; the CFO is asking whether the delay damages can be recovered.' },
  { area: 'Regulatory', title: 'Readiness for new product safety regime', detail: 'Compliance has not mapped which product lines fall under the new obligations.' },
  { area: 'IP & Technology', title: 'Ownership of software built by contractors', detail: 'Key routing software was written by contractors without IP assignment clauses.' },
  { area: 'IP & Technology', title: 'AI procurement guidelines for business units', detail: 'Teams are buying generative AI tools without contractual controls on training data or confidentiality.' },
  { area: 'Corporate M&A', title: 'Acquisition of a regional competitor under consideration', detail: 'The strategy team mentioned an early-stage approach to a competitor; no advisers appointed yet.' },
  { area: 'Finance', title: 'Refinancing of revolving credit facility', detail: 'The RCF matures in 2026 and treasury is starting a lender process.' },
  { area: 'Pensions', title: 'Buy-in options for the closed defined-benefit scheme', detail: 'Trustees are considering a buy-in following improved funding levels; the company needs its own advice.' },
  { area: 'Environment & ESG', title: 'Scope 3 emissions disclosures and supplier clauses', detail: 'The sustainability team needs contractual routes to obtain supplier emissions data.' },
  { area: 'Restructuring & Insolvency', title: 'Exposure to a distressed key supplier', detail: 'A major supplier is rumoured to be in difficulty; no contingency or step-in rights in the contract.' },
  { area: 'Immigration', title: 'Sponsor licence compliance audit', detail: 'HR has hired a number of sponsored workers; record-keeping has not been audited since the licence was granted.' },
  { area: 'Construction', title: 'Defects claim on new headquarters fit-out', detail: 'Facilities reports recurring defects; the retention period ends soon.' },
  { area: 'Procurement & Public Law', title: 'Bid for a public-sector framework under the new procurement rules', detail: 'The bid team is preparing for a framework tender and is unfamiliar with the new regime.' },
];

export const FLAG_REASONS = [
  'General counsel asked at the annual review whether we could cover a maternity leave next year.',
  'Panel review due in the spring; a secondment would strengthen our position against two rival firms.',
  'Large transformation programme planned; in-house team is understaffed and open to a placement.',
  'Strong relationship with the new head of legal, who ran a secondment programme at her previous company.',
];
