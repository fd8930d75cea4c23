import { messages } from './messages';

/** The host page hides or dims the frame (clickjacking): say why nothing will be saved meanwhile. */
export function CoveredNotice() {
  return <p className="covered" role="status" data-testid="covered-notice">{messages.app.covered}</p>;
}
