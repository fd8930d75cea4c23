import { z } from 'zod';
import { CandidateFlag, CandidateFlagInput } from '../contract/candidate-flag';
import { NeedPatch, NewNeed } from '../contract/need';
import { NewCheckIn, ObjectiveStatus } from '../contract/secondment';
import { Id } from '../contract/primitives';
import { MAX_RULES } from '../settings/generic-rule-limits';
import { ENDPOINT_URL_RULE, isAllowedEndpointUrl } from '../settings/endpoint-url';
import { RecordRefSchema } from './record-ref-schema';

/** A nonce that pairs two channels of one page: a UUID (the sidebar's lane) or 32 hex digits (the content script's). */
export const LaneNonce = z.string().regex(/^[0-9a-f-]{32,40}$/);
/** The number of a content script's record report, counted from 1 for each page. */
const ReportNumber = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);

/**
 * Every message the background receives, one schema each; the `type` names the direction
 * (cs = content script, ui = sidebar, options = options page). Validated on receipt; unknown or
 * malformed messages are refused (fail closed).
 */
export const ContentToBackground = z.discriminatedUnion('type', [
  // `pageLoad`: the first report of a freshly loaded page, which always gets a new look-up (a reload
  // is how users ask for fresh data); later reports change only what differs.
  // `lane` and `n`: the content script's nonce for its record lane to the frame, and the number of
  // this report, so that the same report arriving first by the frame is not applied twice
  // (lib/background/record-reports.ts).
  z.object({ type: z.literal('cs.recordChanged'), ref: RecordRefSchema.nullable(), pageLoad: z.boolean(), lane: LaneNonce.optional(), n: ReportNumber.optional() }),
  // The firm's generic detection rules (the content script checks each with isGenericRule), and
  // the systems whose sidebar the user keeps collapsed.
  z.object({ type: z.literal('cs.getRules') }),
]);
export type ContentToBackground = z.infer<typeof ContentToBackground>;

const tabId = z.number().int().nonnegative().optional();
/**
 * The record the sidebar displayed when the user acted. The background refuses the action when the
 * tab shows another record by the time it arrives (a page that changes its URL between mousedown
 * and click must not get a write or a mapping for a record of its choosing).
 */
const record = RecordRefSchema;
/** The flag version the user saw (null: no flag), sent as If-Match. */
const seenVersion = CandidateFlag.shape.version.unwrap().nullable();
const itemId = z.string().min(1).max(100);

export const SidebarToBackground = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ui.refresh'), tabId }),
  z.object({ type: z.literal('ui.logNeed'), tabId, record, clientId: Id, need: NewNeed }),
  z.object({ type: z.literal('ui.setFlag'), tabId, record, clientId: Id, flag: CandidateFlagInput, seenVersion }),
  z.object({ type: z.literal('ui.clearFlag'), tabId, record, clientId: Id, seenVersion }),
  // Triage (BD) and the programme's rhythm; each carries the version the user saw.
  z.object({ type: z.literal('ui.triageNeed'), tabId, record, clientId: Id, needId: Id, needTitle: z.string().max(200), patch: NeedPatch, seenVersion: z.string().min(1).max(100) }),
  z.object({ type: z.literal('ui.recordCheckIn'), tabId, record, clientId: Id, secondmentId: Id, checkIn: NewCheckIn }),
  z.object({ type: z.literal('ui.setObjectiveStatus'), tabId, record, clientId: Id, secondmentId: Id, objectiveId: Id, objectiveText: z.string().max(200), status: ObjectiveStatus, seenVersion: z.string().min(1).max(100) }),
  z.object({ type: z.literal('ui.discardOutboxItem'), tabId, id: itemId }),
  // "Apply mine again" on a flag change parked by a 412.
  z.object({ type: z.literal('ui.reapplyOutboxItem'), tabId, id: itemId }),
  z.object({ type: z.literal('ui.retryOutbox'), tabId }),
  z.object({ type: z.literal('ui.pickClient'), tabId, record, clientId: Id }),
  z.object({ type: z.literal('ui.searchClients'), query: z.string().trim().min(1).max(100) }),
  z.object({ type: z.literal('ui.linkRecord'), tabId, record, clientId: Id }),
  z.object({ type: z.literal('ui.setCollapsed'), tabId, collapsed: z.boolean() }),
  z.object({ type: z.literal('ui.openOptions') }),
  // The pipeline page (issue 11): open it in a tab; and, from the page, which partition to read.
  z.object({ type: z.literal('ui.openPipeline') }),
  z.object({ type: z.literal('ui.pipelineSource') }),
  // "Sign in with <firm>" (issue 13): the background runs the identity provider's login.
  z.object({ type: z.literal('ui.signInWithFirm') }),
]);
export type SidebarToBackground = z.infer<typeof SidebarToBackground>;
/** What the sidebar sends (before defaults are applied on receipt). */
export type SidebarRequest = z.input<typeof SidebarToBackground>;

export const OptionsToBackground = z.discriminatedUnion('type', [
  z.object({ type: z.literal('options.signIn'), endpointUrl: z.url().max(500).refine(isAllowedEndpointUrl, ENDPOINT_URL_RULE), token: z.string().trim().min(1).max(4096) }),
  z.object({ type: z.literal('options.signInWithFirm') }),
  z.object({ type: z.literal('options.signOut') }),
  z.object({ type: z.literal('options.status') }),
  z.object({ type: z.literal('options.syncNow') }),
  // The user's whole rule list; each rule is validated with parseGenericRules where it is handled.
  z.object({ type: z.literal('options.saveGenericRules'), rules: z.array(z.unknown()).max(MAX_RULES) }),
]);
export type OptionsToBackground = z.infer<typeof OptionsToBackground>;

/** Port names: the sidebar frame keeps one open to receive pushed views; a side panel names its window. */
export const SIDEBAR_PORT = 'lens.sidebar';
export const SIDE_PANEL_PORT_PREFIX = 'lens.sidepanel.';

/** The type of the message that carries a SidebarView over the sidebar's port (or its lane). */
export const SIDEBAR_VIEW_MESSAGE = 'bg.view';

/**
 * A sidebar page's offer of a faster channel for its views (lib/background/sidebar-lanes.ts): sent
 * on its runtime port, and with a MessagePort to the service worker, carrying the same nonce.
 */
export const SidebarLaneOffer = z.object({ type: z.literal('sb.lane'), nonce: LaneNonce });
export type SidebarLaneOffer = z.infer<typeof SidebarLaneOffer>;

/**
 * A record report the content script sent the sidebar frame on its own MessagePort (lib/content/
 * frame-lane.ts), passed on by the frame to the worker on its lane with the content script's nonce.
 * The worker acts on it only when the nonce is the one that tab's content script gave it itself.
 */
export const FrameRecordReport = z.strictObject({ type: z.literal('sb.record'), lane: LaneNonce, n: ReportNumber, ref: RecordRefSchema.nullable() });
export type FrameRecordReport = z.infer<typeof FrameRecordReport>;

/** The content script hands the frame its MessagePort (a window message with the port). */
export const ContentLaneHandOver = z.strictObject({ type: z.literal('cs.lane'), nonce: LaneNonce });
/** One report on that port: what the content script also sends the worker as `cs.recordChanged`. */
export const ContentRecordReport = z.strictObject({ type: z.literal('cs.record'), n: ReportNumber, ref: RecordRefSchema.nullable() });
