import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { handleApi, sendEventbriteError, type ApiContext, type ApiFault } from './api.ts';
import { LocalEventbriteAuth } from './eventbrite-oauth.ts';
import { generateEvents, type DemoEvent } from './events-data.ts';
import { EXTENSION_ORIGIN, sendJson } from './http.ts';
import { handleInteraction } from './interactions.ts';
import { memoryAdapter } from './memory-adapter.ts';
import { createAuthServer, DEMO_CLIENT_ID } from './oauth-server.ts';
import {
  DEMO_TICKETMASTER_KEY,
  INVALID_KEY,
  QUOTA_VIOLATION,
  SPIKE_ARREST,
  TicketmasterQuota,
  discoverEvents,
  discoveryEvent,
  faultAnswer,
  takeFault,
  generateTicketmasterEvents,
  type DiscoveryAnswer,
  type TicketmasterEvent,
  type TicketmasterFault,
} from './ticketmaster-api.ts';

export interface DemoServerOptions {
  /** 0 picks a free port. */
  port?: number;
  host?: string;
  clientId?: string;
  /** Seconds; tests use a few. */
  accessTokenTtl?: number;
  refreshTokenTtl?: number;
  /** The data set's "now" (default: the real one); the API filters against the real clock. */
  now?: Date;
  seed?: number;
  log?: boolean;
}

export interface DemoServer {
  issuer: string;
  apiBase: string;
  /** Ticketmaster Discovery's base here, ending in /discovery/v2 (its key is DEMO_TICKETMASTER_KEY). */
  ticketmasterBase: string;
  port: number;
  /** How many requests reached `METHOD /path` (for tests that count refreshes). */
  requestCount(route: string): number;
  /** Makes the next API requests fail, one fault each (tests only). */
  injectFaults(...faults: ApiFault[]): void;
  /** Faults injected and not yet met by a request. */
  pendingFaults(): number;
  /** Makes the next Ticketmaster requests fail, one fault each (tests only). */
  injectTicketmasterFaults(...faults: TicketmasterFault[]): void;
  /** Spends `count` of a key's daily Ticketmaster quota, as other requests that day would have. */
  spendTicketmasterQuota(key: string, count: number): void;
  ticketmasterEvents(): readonly TicketmasterEvent[];
  /** The token endpoint answers 503 (`unavailable`) or drops every connection (`reset`) until brought up. */
  takeTokenEndpointDown(how: 'unavailable' | 'reset'): void;
  bringTokenEndpointUp(): void;
  /** Adds an event to the data set, as a new listing would appear (tests only). */
  addEvent(event: DemoEvent): void;
  events(): readonly DemoEvent[];
  /** Invalidates every local-Eventbrite token, as a password change does. */
  revokeEventbriteTokens(): void;
  /** Forgets every demo provider grant: each access and refresh token is refused from then on. */
  revokeDemoGrants(): void;
  /** Stops answering (connections refused) and starts again on the same port with the same state. */
  stop(): Promise<void>;
  resume(): Promise<void>;
  close(): Promise<void>;
}

function allowExtensionCors(req: IncomingMessage, res: ServerResponse): boolean {
  const origin = req.headers.origin;
  if (origin && EXTENSION_ORIGIN.test(origin)) {
    res.setHeader('access-control-allow-origin', origin);
    res.setHeader('vary', 'origin');
  }
  if (req.method !== 'OPTIONS') return false;
  res.writeHead(204, {
    'access-control-allow-headers': 'authorization',
    'access-control-allow-methods': 'GET',
    'access-control-max-age': '600',
  });
  res.end();
  return true;
}

/** Ticketmaster answers any origin (`Access-Control-Allow-Origin: *`), so a client may call it under CORS. */
const DISCOVERY_EVENT = /^\/discovery\/v2\/events\/([^/]+)\.json$/;

function sendDiscovery(res: ServerResponse, answer: DiscoveryAnswer, headers: Record<string, string> = {}) {
  const all = { 'access-control-allow-origin': '*', ...headers, ...answer.headers };
  if (typeof answer.body === 'string') {
    res.writeHead(answer.status, { 'content-type': 'text/html', ...all });
    res.end(answer.body);
  } else sendJson(res, answer.status, answer.body, all);
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/** The local demo provider: one loopback server for the OAuth 2 authorization server and the events API. */
export async function startDemoServer(options: DemoServerOptions = {}): Promise<DemoServer> {
  const host = options.host ?? '127.0.0.1';
  const server = createServer();
  // The issuer names the port, so listen first, then build the provider for that exact origin.
  const port = await listen(server, options.port ?? 0, host);
  const issuer = `http://${host}:${port}`;
  const apiBase = `${issuer}/v3`;
  const adapter = memoryAdapter();
  const provider = createAuthServer({
    adapter,
    issuer,
    apiBase,
    clientId: options.clientId ?? DEMO_CLIENT_ID,
    accessTokenTtl: options.accessTokenTtl ?? 60 * 60,
    refreshTokenTtl: options.refreshTokenTtl ?? 30 * 24 * 60 * 60,
  });
  const oauthCallback = provider.callback();
  const counts = new Map<string, number>();
  const dataset = generateEvents({ now: options.now, seed: options.seed });
  const eventbriteAuth = new LocalEventbriteAuth();
  const api: ApiContext = {
    provider,
    apiBase,
    eventbriteAuth,
    events: () => dataset.events,
    now: () => Date.now(),
    faults: [],
  };

  let tokenEndpointDown: 'unavailable' | 'reset' | undefined;
  const ticketmasterEvents = generateTicketmasterEvents({ now: options.now });
  const ticketmasterQuota = new TicketmasterQuota(() => Date.now());
  const ticketmasterFaults: TicketmasterFault[] = [];

  /** Discovery's events: the search, or one by its id (`/discovery/v2/events/{id}.json`). */
  const answerTicketmaster = async (res: ServerResponse, url: URL) => {
    const fault = takeFault(ticketmasterFaults, url);
    if (fault?.kind === 'delay') await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
    const faulted = fault && faultAnswer(fault);
    if (faulted === 'reset') return void res.socket?.destroy();
    const key = url.searchParams.get('apikey');
    if (key !== DEMO_TICKETMASTER_KEY) return sendDiscovery(res, INVALID_KEY);
    if (faulted) return sendDiscovery(res, faulted, ticketmasterQuota.headers(key));
    const admitted = ticketmasterQuota.admit(key);
    const headers = ticketmasterQuota.headers(key);
    if (admitted === 'quota') return sendDiscovery(res, QUOTA_VIOLATION, headers);
    if (admitted === 'spike') return sendDiscovery(res, SPIKE_ARREST, headers);
    const id = DISCOVERY_EVENT.exec(url.pathname)?.[1];
    const answer = id
      ? discoveryEvent(ticketmasterEvents, decodeURIComponent(id))
      : discoverEvents(ticketmasterEvents, url.searchParams);
    sendDiscovery(res, answer, headers);
  };

  // Every failure inside is caught and answered with a 500.
  const answer = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', issuer);
    const route = `${req.method} ${url.pathname}`;
    counts.set(route, (counts.get(route) ?? 0) + 1);
    if (options.log) console.log(route);
    if (route === 'POST /token' && tokenEndpointDown) {
      if (tokenEndpointDown === 'reset') res.socket?.destroy();
      else
        sendJson(res, 503, {
          error: 'temporarily_unavailable',
          error_description: 'The token endpoint is down (a test asked for it).',
        });
      return;
    }
    try {
      if (url.pathname.startsWith('/v3/')) {
        if (allowExtensionCors(req, res)) return;
        await handleApi(api, req, res, url);
      } else if (url.pathname === '/discovery/v2/events.json' || DISCOVERY_EVENT.test(url.pathname)) {
        await answerTicketmaster(res, url);
      } else if (url.pathname === '/health') {
        sendJson(res, 200, { ok: true });
      } else {
        const handled =
          (await eventbriteAuth.handle(req, res, url)) ||
          (await handleInteraction(provider, req, res, url.pathname));
        if (!handled) await oauthCallback(req, res);
      }
    } catch (error) {
      console.error(`demo server: ${route} failed`, error);
      if (!res.headersSent)
        sendEventbriteError(res, 500, 'INTERNAL_ERROR', 'The demo server failed to answer.');
      else res.destroy();
    }
  };
  server.on('request', (req: IncomingMessage, res: ServerResponse) => void answer(req, res));

  const stop = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });

  return {
    issuer,
    apiBase,
    ticketmasterBase: `${issuer}/discovery/v2`,
    port,
    requestCount: (route) => counts.get(route) ?? 0,
    injectFaults: (...faults) => void api.faults.push(...faults),
    pendingFaults: () => api.faults.length,
    injectTicketmasterFaults: (...faults) => void ticketmasterFaults.push(...faults),
    spendTicketmasterQuota: (key, count) => ticketmasterQuota.spend(key, count),
    ticketmasterEvents: () => ticketmasterEvents,
    takeTokenEndpointDown: (how) => void (tokenEndpointDown = how),
    bringTokenEndpointUp: () => void (tokenEndpointDown = undefined),
    addEvent: (event) => {
      dataset.events.push(event);
      dataset.events.sort((a, b) => a.start.utc.localeCompare(b.start.utc) || a.id.localeCompare(b.id));
    },
    events: () => dataset.events,
    revokeEventbriteTokens: () => eventbriteAuth.revokeAll(),
    revokeDemoGrants: () => adapter.revokeEverything(),
    stop,
    resume: async () => {
      await listen(server, port, host);
    },
    close: stop,
  };
}
