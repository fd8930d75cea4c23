import { z } from 'zod';

/** Identifier of a firm record (client, secondment, need, user). Opaque to the extension. */
export const Id = z.string().min(1).max(64).regex(/^[A-Za-z0-9_.:-]+$/, 'letters, digits and _ . : - only');

/** A calendar day, `YYYY-MM-DD`: planned and actual secondment dates carry no time zone. */
export const IsoDate = z.iso.date();

/** An instant, ISO 8601 with an offset (`Z` or `+01:00`). */
export const IsoDateTime = z.iso.datetime({ offset: true });

/** Display text read from the endpoint: bounded so that one hostile record cannot swamp the UI. */
export const ShortText = z.string().max(200);
export const LongText = z.string().max(4000);

/** A person as the firm records them on a secondment or a need. */
export const PersonRef = z.object({
  userId: Id.nullable(),
  name: ShortText.min(1),
});
export type PersonRef = z.infer<typeof PersonRef>;
