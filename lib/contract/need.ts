import { z } from 'zod';
import { ExternalRecord } from './pms';
import { Id, IsoDateTime, LongText, PersonRef } from './primitives';

/** Pipeline of an unmet legal need (an opportunity for the firm). */
export const NeedStatus = z.enum(['new', 'qualified', 'pursuing', 'won', 'declined']);
export type NeedStatus = z.infer<typeof NeedStatus>;

export const NEED_TITLE_MAX = 200;
export const NEED_DETAIL_MAX = 4000;

export const PracticeArea = z.string().min(1).max(80);

export const Need = z.object({
  id: Id,
  clientId: Id,
  title: z.string().min(1).max(NEED_TITLE_MAX),
  detail: LongText,
  practiceArea: PracticeArea,
  identifiedBy: PersonRef,
  identifiedAt: IsoDateTime,
  /** The secondment during which it was noticed, if any. */
  sourceSecondmentId: Id.nullable(),
  /** Learned in confidence: shown to the firm, never repeated to the client. */
  confidential: z.boolean(),
  status: NeedStatus,
  /** The partner or BD person who owns the follow-up (triage). */
  owner: PersonRef.nullable().optional(),
  /** When won: the PMS matter it became. */
  matter: ExternalRecord.nullable().optional(),
  /** Who last changed the status, and when (null while it is as logged). */
  statusChangedBy: PersonRef.nullable().optional(),
  statusChangedAt: IsoDateTime.nullable().optional(),
  /**
   * A confidential need seen by someone who may not read it (not its author, not BD, not risk): the
   * endpoint sends a fixed title, an empty detail and `askContact`, never the text.
   */
  redacted: z.boolean().optional(),
  /** Whom to ask about a redacted need. */
  askContact: PersonRef.nullable().optional(),
  /** Opaque version for `If-Match` on PATCH (the ETag of GET .../needs/{needId}). */
  version: z.string().min(1).max(100).regex(/^[\x21\x23-\x7e]+$/).optional(),
});
export type Need = z.infer<typeof Need>;

/** Body of `POST /v1/clients/{id}/needs`. Strict: an unknown field is an error, not silently dropped. */
export const NewNeed = z.strictObject({
  title: z.string().trim().min(1, 'Give the need a title.').max(NEED_TITLE_MAX, `At most ${NEED_TITLE_MAX} characters.`),
  practiceArea: PracticeArea,
  detail: z.string().trim().max(NEED_DETAIL_MAX, `At most ${NEED_DETAIL_MAX} characters.`).default(''),
  confidential: z.boolean().default(false),
  sourceSecondmentId: Id.nullable().default(null),
});
export type NewNeed = z.input<typeof NewNeed>;
export type ParsedNewNeed = z.output<typeof NewNeed>;

/** The fixed title a redacted confidential need carries in place of its own. */
export const REDACTED_NEED_TITLE = 'Confidential need';

/**
 * Body of `PATCH /v1/clients/{id}/needs/{needId}` (JSON merge, BD only, If-Match required): move the
 * status on, set or clear the owner (a user of the endpoint), and when won, the PMS matter it became.
 */
export const NeedPatch = z.strictObject({
  status: NeedStatus.optional(),
  owner: z.strictObject({ userId: Id }).nullable().optional(),
  matter: ExternalRecord.nullable().optional(),
}).refine((p) => p.status !== undefined || p.owner !== undefined || p.matter !== undefined, { message: 'Change at least one of status, owner, matter.' });
export type NeedPatch = z.infer<typeof NeedPatch>;

export const PracticeAreaList = z.object({ practiceAreas: z.array(PracticeArea).min(1).max(200) });
export type PracticeAreaList = z.infer<typeof PracticeAreaList>;
