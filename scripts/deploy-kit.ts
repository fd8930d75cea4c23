import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildKit } from './deploy-kit/build-kit';
import { parseKitOptions, UsageError, USAGE } from './deploy-kit/kit-options';

// npm run deploy-kit -- --extension-id <id> --endpoint <url> [...]: the files firm IT needs to
// push Secondment Lens and its settings to every machine (docs/deploy/README.md). Issue 13.

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };

try {
  const options = parseKitOptions(process.argv.slice(2), version);
  const outDir = path.resolve(options.outDir);
  for (const file of buildKit(options)) {
    const target = path.join(outDir, file.path);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, file.content);
    console.log(`wrote ${path.relative(process.cwd(), target) || target}`);
  }
  if (!options.selfHosted) console.log('(no --update-url: installs come from the Chrome Web Store; no update manifests written)');
} catch (error) {
  if (!(error instanceof UsageError)) throw error;
  console.error(`deploy-kit: ${error.message}\n\n${USAGE}`);
  process.exit(2);
}
