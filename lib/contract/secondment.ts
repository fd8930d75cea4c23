import { z } from 'zod';
import { Id, IsoDate, LongText, PersonRef, ShortText } from './primitives';

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
});
export type Secondment = z.infer<typeof Secondment>;
