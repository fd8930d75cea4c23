import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { ROOT } from '../../scripts/chromium-with-extension';
import { BENCH_REPORT_URL } from './bench-host-server';

/** Its own folder: the bench build never replaces .output/chrome-mv3 (what tests and `npm start` load). */
export const BENCH_OUT_DIR = '.output-bench';

/**
 * Builds the bench build of the extension (a few seconds): the normal test build plus
 * LENS_BENCH_REPORT_URL, which turns on the extension's own timing reports and its sign-in from the
 * bench's config (see lib/bench/bench-report.ts). Returns the unpacked Chrome folder.
 */
export function buildBenchExtension(): string {
  execFileSync('npx', ['wxt', 'build'], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, LENS_BENCH_REPORT_URL: BENCH_REPORT_URL, LENS_OUT_DIR: BENCH_OUT_DIR, LENS_RELEASE: '' },
  });
  return path.join(ROOT, BENCH_OUT_DIR, 'chrome-mv3');
}
