import type { CandidateFlagInput } from '@/lib/contract/candidate-flag';
import type { ClientSummary } from '@/lib/contract/client';
import type { NewNeed } from '@/lib/contract/need';
import type { Result } from '@/lib/messaging/result';

/** What the sidebar can ask for; the entry point sends each to the background. */
export interface SidebarActions {
  refresh(): void;
  logNeed(clientId: string, need: NewNeed): Promise<Result<unknown>>;
  setFlag(clientId: string, flag: CandidateFlagInput): Promise<Result<unknown>>;
  clearFlag(clientId: string): Promise<Result<unknown>>;
  discardOutboxItem(id: string): Promise<Result<unknown>>;
  retryOutbox(): void;
  pickClient(clientId: string): Promise<Result<unknown>>;
  searchClients(query: string): Promise<Result<ClientSummary[]>>;
  linkRecord(clientId: string): Promise<Result<unknown>>;
  setCollapsed(collapsed: boolean): void;
  openOptions(): void;
  /** Opens the pipeline page (the whole book) in a tab; absent where there is nothing to open it with. */
  openPipeline?(): void;
}
