import path from 'node:path';
import { defineConfig } from 'vitest/config';

// The Firefox suite (npm run test:firefox): the Firefox build in Debian's Firefox ESR, driven by
// puppeteer-core over WebDriver BiDi. One browser at a time (two cores), a few tests per launch.
export default defineConfig({
  root: path.resolve(import.meta.dirname, '../..'),
  test: {
    include: ['test/firefox/**/*.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 90_000,
  },
});
