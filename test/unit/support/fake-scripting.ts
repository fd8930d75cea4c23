import type { Scripting } from 'webextension-polyfill';

/** The browser's registry of dynamic content scripts, with the calls made to it. */
export function fakeScripting() {
  const scripts = new Map<string, Scripting.RegisteredContentScript>();
  const calls: string[] = [];
  return {
    scripts,
    calls,
    api: {
      async getRegisteredContentScripts(filter?: Scripting.ContentScriptFilter) {
        return [...scripts.values()].filter((s) => !filter?.ids || filter.ids.includes(s.id));
      },
      async registerContentScripts(list: Scripting.RegisteredContentScript[]) {
        calls.push('register');
        for (const s of list) {
          if (scripts.has(s.id)) throw new Error(`Duplicate script ID '${s.id}'`);
          scripts.set(s.id, s);
        }
      },
      async updateContentScripts(list: Scripting.RegisteredContentScript[]) {
        calls.push('update');
        for (const s of list) scripts.set(s.id, { ...scripts.get(s.id), ...s });
      },
      async unregisterContentScripts(filter?: Scripting.ContentScriptFilter) {
        calls.push('unregister');
        for (const id of filter?.ids ?? []) scripts.delete(id);
      },
    },
  };
}
