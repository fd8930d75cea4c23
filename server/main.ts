/** `npm run server`: the reference firm endpoint on LENS_HOST:LENS_PORT with the SQLite file LENS_DB. */
import { DEMO_USERS } from './demo/demo-ids';
import { startServer } from './start-server';

const port = Number(process.env.LENS_PORT ?? 8787);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`LENS_PORT must be a port number, not ${JSON.stringify(process.env.LENS_PORT)}`);
  process.exit(2);
}

const server = await startServer({
  port,
  host: process.env.LENS_HOST ?? '127.0.0.1',
  dbPath: process.env.LENS_DB ?? 'data/lens.sqlite',
  log: true,
});

console.log(`Secondment Lens reference endpoint: ${server.url}  (OpenAPI: ${server.url}/v1/openapi.json)`);
console.log('Demo sign-ins (bearer tokens):');
for (const u of Object.values(DEMO_USERS)) console.log(`  ${u.name.padEnd(14)} ${u.role.padEnd(6)} ${u.token}`);

let stopping = false;
const stop = async (signal: string) => {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: stopping`);
  await server.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
