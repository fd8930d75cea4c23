import type { ClientSummary } from '@/lib/contract/client';

/** A list of clients as buttons: choosing one is a single click or Enter. */
export function ClientChoices(props: { clients: ClientSummary[]; label: string; describe: (client: ClientSummary) => string; onChoose: (id: string) => void }) {
  return (
    <ul className="choices" aria-label={props.label}>
      {props.clients.map((c) => (
        <li key={c.id}>
          <button type="button" onClick={() => props.onChoose(c.id)}>
            {props.describe(c)} <span className="muted">{c.industry}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
