import { fileURLToPath } from 'node:url';

/** Path of a committed import fixture (test/fixtures/import, built by make-fixtures.ts). */
export const fixture = (name: string): string => fileURLToPath(new URL(`../../fixtures/import/${name}`, import.meta.url));
