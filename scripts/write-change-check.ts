/** `npm run change-check`: writes lib/sync/change-check.generated.js from the zod contract. */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { GENERATED_CHANGE_CHECK, generateChangeCheck } from './change-check/generate';

writeFileSync(path.resolve(import.meta.dirname, '..', GENERATED_CHANGE_CHECK), generateChangeCheck());
console.log(`wrote ${GENERATED_CHANGE_CHECK}`);
