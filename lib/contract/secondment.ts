import { z } from 'zod';
import { Id, IsoDate, IsoDateTime, LongText, PersonRef, ShortText } from './primitives';

/** Outbound: a firm lawyer placed with the client. Reverse: a client employee placed with the firm. */
export const SecondmentDirection = z.enum(['outbound', 'reverse']);
export type SecondmentDirection = z.infer<typeof SecondmentDirection>;

export const SecondmentStatus = z.enum(['planned', 'active', 'completed', 'ended-early']);
export type SecondmentStatus = z.infer<typeof SecondmentStatus>;

export const BillingBasis = z.enum(['flat-fee', 'hourly', 'cost-recovery', 'no-charge']);
export type BillingBasis = z.infer<typeof BillingBasis>;

export const ObjectiveCategory = z.enum([
  'skills', 'relationship', 'business-development', 'knowledge-exchange', 'service-delivery',
]);
export type ObjectiveCategory = z.infer<typeof ObjectiveCategory>;

export const ObjectiveStatus = z.enum(['open', 'in-progress', 'met', 'not-met', 'dropped']);
export type ObjectiveStatus = z.infer<typeof ObjectiveStatus>;

export const Objective = z.object({
  id: Id,
  category: ObjectiveCategory,
  description: ShortText.min(1),
  status: ObjectiveStatus,
});
export type Objective = z.infer<typeof Objective>;

export const CheckIns = z.object({
  last: IsoDate.nullable(),
  nextDue: IsoDate.nullable(),
});
export type CheckIns = z.infer<typeof CheckIns>;

/** End-of-secondment review. */
export const SecondmentReview = z.object({
  objectivesMet: z.enum(['all', 'most', 'some', 'none']),
  summary: LongText,
});
export type SecondmentReview = z.infer<typeof SecondmentReview>;

export const Secondment = z.object({
  id: Id,
  clientId: Id,
  direction: SecondmentDirection,
  /** The secondee. `userId` is set when the secondee is a user of the firm endpoint. */
  person: PersonRef.extend({ title: ShortText }),
  hostTeam: ShortText,
  /** The mentor on the host side. */
  hostContact: z.object({ name: ShortText.min(1), title: ShortText }).nullable(),
  plannedStart: IsoDate,
  plannedEnd: IsoDate,
  actualEnd: IsoDate.nullable(),
  status: SecondmentStatus,
  billingBasis: BillingBasis,
  objectives: z.array(Objective).max(50),
  checkIns: CheckIns,
  review: SecondmentReview.nullable(),
  reintegrationPlan: LongText.nullable(),
  /** The partner who looks after the secondee on the firm's side (may record check-ins). */
  firmMentor: PersonRef.nullable().optional(),
  /** Opaque version for `If-Match` when changing an objective; changed by every write to the secondment. */
  version: z.string().min(1).max(100).regex(/^[\x21\x23-\x7e]+$/).optional(),
});
export type Secondment = z.infer<typeof Secondment>;

export const CHECK_IN_NOTE_MAX = 2000;

/** Body of `POST /v1/secondments/{id}/check-ins` (with an Idempotency-Key). */
export const NewCheckIn = z.strictObject({
  date: IsoDate,
  note: z.string().trim().max(CHECK_IN_NOTE_MAX, `At most ${CHECK_IN_NOTE_MAX} characters.`).default(''),
});
export type NewCheckIn = z.input<typeof NewCheckIn>;

/** A check-in as recorded: who recorded it and when. */
export const CheckIn = z.object({
  id: Id,
  secondmentId: Id,
  date: IsoDate,
  note: z.string().max(CHECK_IN_NOTE_MAX),
  recordedBy: PersonRef,
  recordedAt: IsoDateTime,
});
export type CheckIn = z.infer<typeof CheckIn>;

/** Body of `PATCH /v1/secondments/{id}/objectives/{objectiveId}` (with If-Match: the secondment's version). */
export const ObjectivePatch = z.strictObject({ status: ObjectiveStatus });
export type ObjectivePatch = z.infer<typeof ObjectivePatch>;
