import type { IncomingMessage, ServerResponse } from 'node:http';
import type Provider from 'oidc-provider';
import { findAccountById, toEventbriteUser } from './accounts.ts';
import type { LocalEventbriteAuth } from './eventbrite-oauth.ts';
import {
  ArgumentsError,
  isMember,
  ownedEvents,
  searchEvents,
  shapeEvent,
  userOrders,
  userOrganizations,
} from './events-api.ts';
import { ORGANIZER_COUNT, type DemoEvent } from './events-data.ts';
import { sendJson } from './http.ts';

/** Eventbrite's error body: clients decide on `error`, not only on the status. */
export function sendEventbriteError(
  res: ServerResponse,
  status: number,
  error: string,
  description: string,
  headers: Record<string, string> = {},
): void {
  sendJson(res, status, { error, error_description: description, status_code: status }, headers);
}

/** A failure the tests ask for: an Eventbrite error, a raw body such as truncated JSON, a delay or a reset. */
export interface ApiFault {
  /** Without a status (and without `reset`), the request is answered normally after `delayMs`. */
  status?: number;
  delayMs?: number;
  error?: string;
  /** Seconds, or an HTTP date. */
  retryAfter?: number | string;
  rawBody?: string;
  /** Drops the connection: before any answer, or (with `rawBody`) halfway through the body. */
  reset?: boolean;
}

export interface ApiContext {
  provider: Provider;
  apiBase: string;
  eventbriteAuth: LocalEventbriteAuth;
  events: () => readonly DemoEvent[];
  now: () => number;
  /** The next API requests fail like this, one fault per request. */
  faults: ApiFault[];
}

function bearerToken(req: IncomingMessage): string | undefined {
  return /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
}

/** Checks the token through the authorization server itself, so revocation takes effect at once. */
async function accountForToken(context: ApiContext, value: string): Promise<string | undefined> {
  const local = context.eventbriteAuth.accountFor(value);
  if (local) return local;
  const token = await context.provider.AccessToken.find(value);
  const audience = token?.aud;
  const forThisApi = Array.isArray(audience)
    ? audience.includes(context.apiBase)
    : audience === context.apiBase;
  if (
    !token ||
    token.isExpired ||
    !forThisApi ||
    !token.accountId ||
    !(await context.provider.Grant.find(token.grantId ?? ''))
  )
    return undefined;
  return token.accountId;
}

function sendFault(res: ServerResponse, fault: ApiFault): void {
  const status = fault.status ?? 200;
  const headers: Record<string, string> =
    fault.retryAfter === undefined ? {} : { 'retry-after': String(fault.retryAfter) };
  if (fault.reset && fault.rawBody === undefined) {
    res.socket?.destroy();
  } else if (fault.reset) {
    const body = Buffer.from(fault.rawBody!);
    res.writeHead(status, {
      'content-type': 'application/json',
      'content-length': String(body.length),
      ...headers,
    });
    res.write(body.subarray(0, Math.floor(body.length / 2)), () => res.socket?.destroy());
  } else if (fault.rawBody !== undefined) {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(fault.rawBody);
  } else {
    sendEventbriteError(res, status, fault.error ?? 'INTERNAL_ERROR', 'A fault the test asked for.', headers);
  }
}

const EVENT_ROUTE = /^\/events\/(\d+)\/$/;
const ORGANIZATION_EVENTS = /^\/organizations\/(\d+)\/events\/$/;
const ORGANIZER_EVENTS = /^\/organizers\/(\d+)\/events\/$/;

function route(
  context: ApiContext,
  accountId: string,
  path: string,
  params: URLSearchParams,
): { status: number; body: unknown } {
  const events = context.events();
  const now = context.now();
  if (path === '/users/me/') {
    const account = findAccountById(accountId);
    return account ? { status: 200, body: toEventbriteUser(account) } : { status: 404, body: undefined };
  }
  if (path === '/events/search/') return { status: 200, body: searchEvents(events, params, now) };
  if (path === '/users/me/orders/') return { status: 200, body: userOrders(events, accountId, params) };
  if (path === '/users/me/organizations/') return { status: 200, body: userOrganizations(accountId, params) };

  const organization = ORGANIZATION_EVENTS.exec(path)?.[1];
  if (organization) {
    if (!isMember(accountId, organization))
      return {
        status: 403,
        body: {
          error: 'NOT_AUTHORIZED',
          error_description: 'You are not a member of this organization.',
          status_code: 403,
        },
      };
    return { status: 200, body: ownedEvents(events, { organizationId: organization }, params, now) };
  }
  const organizer = ORGANIZER_EVENTS.exec(path)?.[1];
  if (organizer) {
    if (Number(organizer) < 5000 || Number(organizer) >= 5000 + ORGANIZER_COUNT)
      return { status: 404, body: undefined };
    return { status: 200, body: ownedEvents(events, { organizerId: organizer }, params, now) };
  }
  const eventId = EVENT_ROUTE.exec(path)?.[1];
  const event = eventId ? events.find((candidate) => candidate.id === eventId) : undefined;
  if (event)
    return {
      status: 200,
      body: shapeEvent(event, (params.get('expand') ?? '').split(',').includes('venue')),
    };
  return { status: 404, body: undefined };
}

/** The events API under /v3, in Eventbrite's shapes. Returns false for paths outside it. */
export async function handleApi(
  context: ApiContext,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<boolean> {
  const apiPath = new URL(context.apiBase).pathname;
  if (!url.pathname.startsWith(`${apiPath}/`)) return false;

  const fault = context.faults.shift();
  if (fault?.delayMs) await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
  if (fault && (fault.status !== undefined || fault.reset)) {
    sendFault(res, fault);
    return true;
  }
  if (req.method !== 'GET') {
    sendEventbriteError(res, 405, 'METHOD_NOT_ALLOWED', `${req.method} is not allowed here.`);
    return true;
  }
  const token = bearerToken(req);
  if (!token) {
    sendEventbriteError(res, 401, 'NO_AUTH', 'An OAuth token is required for all requests.');
    return true;
  }
  const accountId = await accountForToken(context, token);
  if (!accountId) {
    sendEventbriteError(res, 401, 'INVALID_AUTH', 'The OAuth token you provided was invalid.');
    return true;
  }

  try {
    const answer = route(context, accountId, url.pathname.slice(apiPath.length), url.searchParams);
    if (answer.status === 404)
      sendEventbriteError(res, 404, 'NOT_FOUND', 'The path you requested does not exist.');
    else sendJson(res, answer.status, answer.body);
  } catch (error) {
    if (!(error instanceof ArgumentsError)) throw error;
    sendEventbriteError(res, 400, 'ARGUMENTS_ERROR', error.message);
  }
  return true;
}
