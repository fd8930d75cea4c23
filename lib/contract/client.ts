import { z } from 'zod';
import { Id, IsoDateTime, PersonRef, ShortText } from './primitives';
import { ExternalRecord } from './pms';

/** A client of the firm: the unit the sidebar is about. */
export const ClientSummary = z.object({
  id: Id,
  name: ShortText.min(1),
  industry: ShortText,
});
export type ClientSummary = z.infer<typeof ClientSummary>;

/** At most this many PMS records link to one client; the endpoint refuses the next with 422. */
export const MAPPINGS_PER_CLIENT_MAX = 500;

export const Client = ClientSummary.extend({
  /** The PMS records (accounts, contacts, matters…) that stand for this client. */
  externalIds: z.array(ExternalRecord).max(MAPPINGS_PER_CLIENT_MAX),
});
export type Client = z.infer<typeof Client>;

export const ClientList = z.object({ clients: z.array(Client).max(200) });
export type ClientList = z.infer<typeof ClientList>;

/** Answer of `GET /v1/resolve`: zero, one or several firm clients for one PMS record. */
export const ResolveResult = z.object({ matches: z.array(ClientSummary).max(50) });
export type ResolveResult = z.infer<typeof ResolveResult>;

/** Body of `POST /v1/mappings`: link a PMS record to a firm client. */
export const NewMapping = z.strictObject({
  clientId: Id,
  record: ExternalRecord,
});
export type NewMapping = z.infer<typeof NewMapping>;

/** One link of a PMS record to a client, with who made it (null for links loaded by the firm). */
export const Mapping = z.object({
  id: Id,
  clientId: Id,
  record: ExternalRecord,
  createdBy: PersonRef.nullable(),
  createdAt: IsoDateTime.nullable(),
});
export type Mapping = z.infer<typeof Mapping>;

/** Answer of `GET /v1/clients/{id}/mappings`. */
export const MappingList = z.object({ mappings: z.array(Mapping).max(MAPPINGS_PER_CLIENT_MAX) });
export type MappingList = z.infer<typeof MappingList>;
