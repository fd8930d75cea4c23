import { z } from 'zod';
import { Id, ShortText } from './primitives';
import { ExternalRecord } from './pms';

/** A client of the firm: the unit the sidebar is about. */
export const ClientSummary = z.object({
  id: Id,
  name: ShortText.min(1),
  industry: ShortText,
});
export type ClientSummary = z.infer<typeof ClientSummary>;

export const Client = ClientSummary.extend({
  /** The PMS records (accounts, contacts, matters…) that stand for this client. */
  externalIds: z.array(ExternalRecord).max(500),
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
