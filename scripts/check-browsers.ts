// Run before the real-browser suites (npm test, test:e2e, test:firefox): when a browser they need is
// missing, say so once, with the command that installs it, instead of letting every test fail with
// the same "executable doesn't exist" stack trace.
//
//   tsx scripts/check-browsers.ts [chromium] [firefox]     (no argument: both)
import { accessSync, constants } from 'node:fs';

const BROWSERS = {
  chromium: { path: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', variable: 'CHROMIUM_PATH', suite: 'the Chromium suite (test/e2e)', apt: 'chromium' },
  firefox: { path: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr', variable: 'FIREFOX_PATH', suite: 'the Firefox suite (test/firefox)', apt: 'firefox-esr' },
} as const;
type Name = keyof typeof BROWSERS;

const isName = (arg: string): arg is Name => arg in BROWSERS;
const args = process.argv.slice(2);
const unknown = args.filter((arg) => !isName(arg));
if (unknown.length > 0) {
  console.error(`check-browsers: unknown browser ${unknown.join(', ')} (known: ${Object.keys(BROWSERS).join(', ')})`);
  process.exit(2);
}
const wanted = args.length > 0 ? args.filter(isName) : (Object.keys(BROWSERS) as Name[]);

const runnable = (file: string) => {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};
const missing = wanted.map((name) => BROWSERS[name]).filter((browser) => !runnable(browser.path));

if (missing.length > 0) {
  const lines = missing.map((b) => `  ${b.path} (for ${b.suite}; or set ${b.variable} to another build)`);
  console.error([
    `The real-browser tests need ${missing.length === 1 ? 'a browser that is' : 'browsers that are'} not installed:`,
    ...lines,
    'Install with:',
    `  apt-get install -y ${missing.map((b) => b.apt).join(' ')}      (as root; Debian and Ubuntu)`,
  ].join('\n'));
  process.exit(1);
}
