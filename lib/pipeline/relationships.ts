import type { ClientSummary } from '../contract/client';
import type { Secondment } from '../contract/secondment';
import type { NeedRow } from './need-row';
import { compareText } from './book';

/** A client's relationship in one line: secondments both ways, needs noticed, needs won. */
export interface RelationshipLine {
  clientId: string;
  clientName: string;
  /** The client's place in the book's client list (the client filter's mask). */
  clientOrdinal: number;
  outbound: number;
  reverse: number;
  noticed: number;
  won: number;
}

/** Every client, the busiest relationships first (needs noticed, then won, then secondments), then by name. */
export function relationshipLines(clients: readonly Pick<ClientSummary, 'id' | 'name'>[], secondments: readonly Pick<Secondment, 'clientId' | 'direction'>[], needs: readonly NeedRow[]): RelationshipLine[] {
  const lines = new Map<string, RelationshipLine>(
    clients.map((c, i) => [c.id, { clientId: c.id, clientName: c.name, clientOrdinal: i, outbound: 0, reverse: 0, noticed: 0, won: 0 }]),
  );
  for (const s of secondments) {
    const line = lines.get(s.clientId);
    if (line) line[s.direction === 'outbound' ? 'outbound' : 'reverse']++;
  }
  for (const n of needs) {
    const line = lines.get(n.clientId);
    if (!line) continue;
    line.noticed++;
    if (n.status === 'won') line.won++;
  }
  return [...lines.values()].sort(
    (a, b) => b.noticed - a.noticed || b.won - a.won || b.outbound + b.reverse - (a.outbound + a.reverse) || compareText(a.clientName, b.clientName),
  );
}
