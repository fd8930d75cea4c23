import { defineConfig } from '@playwright/test';

// Real-browser tests: the built extension (.output/chrome-mv3, `npm run build` first) in Debian's
// Chromium, PMS pages routed at their real URLs, the reference endpoint on loopback.
export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test-results/e2e',
  fullyParallel: false,
  workers: 1, // two cores: one browser at a time is faster than two fighting
  timeout: 90_000,
  expect: { timeout: 10_000 },
  retries: 0,
  reporter: [['list']],
});
