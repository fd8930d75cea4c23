import type { CandidateFlagInput } from '@/lib/contract/candidate-flag';
import type { ClientSummary } from '@/lib/contract/client';
import type { NeedPatch, NewNeed } from '@/lib/contract/need';
import type { NewCheckIn, ObjectiveStatus } from '@/lib/contract/secondment';
import type { Result } from '@/lib/messaging/result';

/** What the sidebar can ask for; the entry point sends each to the background. */
export interface SidebarActions {
  refresh(): void;
  logNeed(clientId: string, need: NewNeed): Promise<Result<unknown>>;
  setFlag(clientId: string, flag: CandidateFlagInput): Promise<Result<unknown>>;
  clearFlag(clientId: string): Promise<Result<unknown>>;
  /** BD moves a need on; `seenVersion` is the need's version on screen. */
  triageNeed(clientId: string, need: { id: string; title: string; version: string }, patch: NeedPatch): Promise<Result<unknown>>;
  recordCheckIn(clientId: string, secondmentId: string, checkIn: NewCheckIn): Promise<Result<unknown>>;
  setObjectiveStatus(clientId: string, secondment: { id: string; version: string }, objective: { id: string; description: string }, status: ObjectiveStatus): Promise<Result<unknown>>;
  discardOutboxItem(id: string): Promise<Result<unknown>>;
  /** "Apply mine again" on a flag change that found the flag changed by someone else. */
  reapplyOutboxItem(id: string): Promise<Result<unknown>>;
  retryOutbox(): void;
  pickClient(clientId: string): Promise<Result<unknown>>;
  searchClients(query: string): Promise<Result<ClientSummary[]>>;
  linkRecord(clientId: string): Promise<Result<unknown>>;
  setCollapsed(collapsed: boolean): void;
  /** Puts the text of a write that could not be saved on the clipboard; false when that failed. */
  copyText(text: string): Promise<boolean>;
  openOptions(): void;
  /** "Sign in with <firm>": the background opens the firm's login; resolves once signed in (or not). */
  signInWithFirm?(): Promise<Result<unknown>>;
  /** Opens the pipeline page (the whole book) in a tab; absent where there is nothing to open it with. */
  openPipeline?(): void;
}
