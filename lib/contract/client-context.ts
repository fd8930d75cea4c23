import { z } from 'zod';
import { CandidateFlag } from './candidate-flag';
import { Client } from './client';
import { Need } from './need';
import { IsoDateTime } from './primitives';
import { Secondment } from './secondment';

/** Everything the sidebar shows for one client: answer of `GET /v1/clients/{id}/context`. */
export const ClientContext = z.object({
  client: Client,
  secondments: z.array(Secondment).max(1000),
  needs: z.array(Need).max(5000),
  candidateFlag: CandidateFlag.nullable(),
  /** When the endpoint assembled this answer. */
  asOf: IsoDateTime,
});
export type ClientContext = z.infer<typeof ClientContext>;
