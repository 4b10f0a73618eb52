import { startDemoServer } from './server.ts';
import { DEMO_TICKETMASTER_KEY } from './ticketmaster-api.ts';

/** `npm run demo`: the demo provider at WXT_DEMO_ISSUER (default http://127.0.0.1:8787). */
const issuer = new URL(process.env.WXT_DEMO_ISSUER ?? 'http://127.0.0.1:8787');
const demo = await startDemoServer({
  host: issuer.hostname,
  port: Number(issuer.port || 80),
  accessTokenTtl: Number(process.env.DEMO_ACCESS_TOKEN_TTL ?? 3600),
  log: process.env.DEMO_LOG === '1',
});
console.log(`Event Scout demo provider at ${demo.issuer} (events API ${demo.apiBase})`);
console.log(`Ticketmaster Discovery at ${demo.ticketmasterBase}, key ${DEMO_TICKETMASTER_KEY}`);
console.log('Demo accounts: demo / demo, sam / sam-password');
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => void demo.close().then(() => process.exit(0)));
}
