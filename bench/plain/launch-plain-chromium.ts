import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface PlainChromium {
  process: ChildProcess;
  close(): Promise<void>;
}

/**
 * Debian's Chromium started as a plain child process: headless=new, no --remote-debugging, no
 * Playwright, so no DevTools is attached to anything. A throwaway profile; `hosts` resolve to
 * the bench's HTTPS server on loopback, whose throwaway certificate is trusted by its SPKI hash;
 * every other host but loopback fails to resolve. `extensionDir` absent: the same browser without
 * the extension (host-page load comparison).
 */
export function launchPlainChromium(options: { startUrl: string; hosts: readonly string[]; port: number; spkiSha256: string; extensionDir?: string; userAgent?: string }): PlainChromium {
  const userDataDir = mkdtempSync(path.join(tmpdir(), 'lens-plain-profile-'));
  const mapped = options.hosts.map((h) => `MAP ${h} 127.0.0.1:${options.port}`);
  const args = [
    '--headless=new', `--user-data-dir=${userDataDir}`, '--window-size=1280,800',
    '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--no-default-browser-check',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
    // The host page opens each fresh tab itself (window.open without a click).
    '--disable-popup-blocking',
    `--host-resolver-rules=${[...mapped, 'MAP * ~NOTFOUND', 'EXCLUDE localhost', 'EXCLUDE 127.0.0.1'].join(' , ')}`,
    `--ignore-certificate-errors-spki-list=${options.spkiSha256}`,
    ...(options.userAgent ? [`--user-agent=${options.userAgent}`] : []),
    ...(options.extensionDir ? [`--disable-extensions-except=${options.extensionDir}`, `--load-extension=${options.extensionDir}`] : []),
    // LENS_BENCH_CHROMIUM_ARGS: more switches for the browser with the extension, e.g. a startup
    // trace with thread times (docs/BENCHMARKS.md, "The content script's main-thread time").
    ...(options.extensionDir && process.env.LENS_BENCH_CHROMIUM_ARGS ? process.env.LENS_BENCH_CHROMIUM_ARGS.split(' ') : []),
    options.startUrl,
  ];
  const child = spawn(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    log = (log + chunk.toString('utf8')).slice(-4000);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    process: child,
    async close() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
      // Its helper processes may still be writing the profile for a moment after the browser exits.
      for (let attempt = 0; ; attempt++) {
        try {
          rmSync(userDataDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
          break;
        } catch (error) {
          if (attempt >= 5) {
            process.stderr.write(`could not delete the throwaway profile ${userDataDir}: ${String(error)}\n`);
            break;
          }
          await new Promise((r) => setTimeout(r, 1_000));
        }
      }
      if (process.env.LENS_BENCH_DEBUG) process.stderr.write(log);
    },
  };
}
