import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// scripts/check-browsers.ts, run as npm test runs it: a real process, browsers found or not by path.
const ROOT = path.resolve(import.meta.dirname, '../../..');
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');
const PRESENT = process.execPath; // any executable file stands in for an installed browser

function check(env: { CHROMIUM_PATH: string; FIREFOX_PATH: string }, ...browsers: string[]) {
  const run = spawnSync(TSX, ['scripts/check-browsers.ts', ...browsers], { cwd: ROOT, env: { ...process.env, ...env }, encoding: 'utf8' });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('check-browsers', () => {
  it('is silent and succeeds when both browsers are there', () => {
    expect(check({ CHROMIUM_PATH: PRESENT, FIREFOX_PATH: PRESENT })).toEqual({ status: 0, stdout: '', stderr: '' });
  });

  it('names a missing Chromium once, with the command that installs it', () => {
    const run = check({ CHROMIUM_PATH: '/nonexistent/chromium', FIREFOX_PATH: PRESENT });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('/nonexistent/chromium');
    expect(run.stderr).toContain('apt-get install -y chromium ');
    expect(run.stderr).not.toContain('firefox-esr');
    expect(run.stderr.match(/apt-get install/g)).toHaveLength(1);
  });

  it('names both when both are missing, in one install command', () => {
    const run = check({ CHROMIUM_PATH: '/nonexistent/chromium', FIREFOX_PATH: '/nonexistent/firefox-esr' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('apt-get install -y chromium firefox-esr ');
  });

  it('checks only the browser a suite asks for', () => {
    expect(check({ CHROMIUM_PATH: '/nonexistent/chromium', FIREFOX_PATH: PRESENT }, 'firefox').status).toBe(0);
    expect(check({ CHROMIUM_PATH: PRESENT, FIREFOX_PATH: '/nonexistent/firefox-esr' }, 'firefox').status).toBe(1);
  });
});
