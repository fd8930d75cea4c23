/** `npm run openapi`: writes the published contract to docs/openapi.json. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { buildOpenApiDocument } from '../server/openapi';

const out = resolve(process.argv[2] ?? 'docs/openapi.json');
mkdirSync(dirname(out), { recursive: true });
const doc = buildOpenApiDocument();
writeFileSync(out, `${JSON.stringify(doc, null, 2)}\n`);
console.log(`wrote ${out} (${Object.keys(doc.paths ?? {}).length} paths)`);
