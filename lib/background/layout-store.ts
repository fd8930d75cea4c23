import { browser } from 'wxt/browser';

const KEY = 'lens.layout';

/** Whether the sidebar is collapsed, remembered per practice-management system. */
export class LayoutStore {
  async isCollapsed(system: string): Promise<boolean> {
    return (await this.read())[system] === true;
  }

  /** The systems whose sidebar is collapsed: the content script gets them with the firm's rules. */
  async collapsedSystems(): Promise<string[]> {
    return Object.entries(await this.read()).filter(([, collapsed]) => collapsed === true).map(([system]) => system);
  }

  async setCollapsed(system: string, collapsed: boolean): Promise<void> {
    await browser.storage.local.set({ [KEY]: { ...(await this.read()), [system]: collapsed } });
  }

  private async read(): Promise<Record<string, boolean>> {
    const raw = (await browser.storage.local.get(KEY))[KEY];
    return typeof raw === 'object' && raw !== null ? (raw as Record<string, boolean>) : {};
  }
}
