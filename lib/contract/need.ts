import { z } from 'zod';
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

export const PracticeAreaList = z.object({ practiceAreas: z.array(PracticeArea).min(1).max(200) });
export type PracticeAreaList = z.infer<typeof PracticeAreaList>;
