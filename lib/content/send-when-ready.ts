/**
 * Sends to the background, trying again a few times (0.1, 0.2, 0.4, 0.8 s) while nothing answers:
 * in Firefox a page that loads right after the add-on is installed (or while the browser restores
 * tabs) reaches a background that is not listening yet, and the message is simply dropped.
 * `stillWanted` is asked before each retry, so a report the page has since replaced is not sent late.
 */
export async function sendWhenReady<T>(send: () => Promise<T>, stillWanted: () => boolean = () => true, tries = 5): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await send();
    } catch (error) {
      if (attempt >= tries || !stillWanted()) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 * 2 ** attempt));
    }
  }
}
