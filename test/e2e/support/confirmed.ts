import { expect, type FrameLocator } from '@playwright/test';

/**
 * Waits until the sidebar shows the endpoint's answer, not only the cache's. A look-up that painted
 * from the cache asks the endpoint PAINT_FIRST_MS later (lib/background/record-view-loader.ts): a
 * test that changes the endpoint, or cuts it off, after "the user saw the client" waits for this.
 */
export async function expectConfirmedByEndpoint(lens: FrameLocator): Promise<void> {
  await expect(lens.getByTestId('freshness')).toContainText('Updated');
}
