/**
 * `npm start`: the product on its embedded default. Starts the reference endpoint with the demo firm,
 * builds the extension, and either opens Chromium on a demo Clio record (when there is a display) or
 * prints how to load the extension and what to open.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { DEMO_TOKENS } from '../server/demo/demo-ids';
import { rateLimitsFromEnv } from '../server/rate-limit';
import { startServer } from '../server/start-server';
import { EXTENSION_DIR, launchWithExtension, ROOT, signInThroughOptions } from './chromium-with-extension';

const DEMO_RECORD = 'https://app.clio.com/nc/#/contacts/1001';

async function main(): Promise<void> {
  process.env.LENS_DEMO ??= '1'; // npm start is the demo: seed the demo firm into an empty database
  const port = Number(process.env.LENS_PORT ?? 8787);
  const dbPath = process.env.LENS_DB ?? path.join(ROOT, 'data/lens.sqlite');
  const server = await startServer({ port, dbPath, seed: process.env.LENS_DEMO === '1', limits: rateLimitsFromEnv() });
  console.log(`Reference firm endpoint: ${server.url}  (database ${path.relative(ROOT, dbPath)})`);

  console.log('Building the extension…');
  const build = spawnSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0) {
    await server.close();
    process.exit(build.status ?? 1);
  }

  const withDisplay = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY) && !process.argv.includes('--no-open');
  if (withDisplay) {
    const browser = await launchWithExtension({ headless: false, userDataDir: path.join(ROOT, `data/chromium-profile-${server.port}`) });
    await signInThroughOptions(browser, server.url, DEMO_TOKENS.partner, { ifNeeded: true });
    const page = await browser.context.newPage();
    await page.goto(DEMO_RECORD);
    console.log(`Chromium is open on a demo Clio record (${DEMO_RECORD}), signed in as the demo partner.`);
    browser.context.on('close', () => void server.close().then(() => process.exit(0)));
  } else {
    console.log(`
No display here, so no browser was opened. To see Secondment Lens:
  1. In Chrome or Edge open chrome://extensions, turn on Developer mode, "Load unpacked":
       ${EXTENSION_DIR}
  2. In the extension's options, sign in:
       Firm endpoint  ${server.url}
       API token      ${DEMO_TOKENS.partner}   (partner; also ${DEMO_TOKENS.secondee}, ${DEMO_TOKENS.bd})
  3. Open a Clio record the demo firm knows, e.g. ${DEMO_RECORD}
     (needs a Clio account; on a machine with a display, npm start opens a demo Clio page for you).
`);
  }
  console.log('Press Ctrl+C to stop.');
  const stop = () => void server.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
