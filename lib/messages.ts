import { browser, type Browser } from 'wxt/browser';
import type { Event } from './event';
import type { InterestedEvent } from './interested';
import type { SavedSearch } from './saved-searches';
import type { SearchQuery } from './query';
import type { SearchRequest, SearchResult } from './search';
import type { NewMatch } from './sync';
import { parseProblem, problemOf, ProblemError, type Problem } from './problem';
import type { AuthStates } from './settings';
import type { SyncStatus } from './sync-settings';
import type { SignInProviderId } from './provider-id';
import type { KeyCheck } from './ticketmaster-key';

/**
 * The one protocol between the extension's pages and its background. Requests and answers carry
 * no secrets: the background owns tokens and the network.
 */
export interface Protocol {
  /**
   * Starts signing in to a provider, beside those signed in already; follow its `authStates` item for
   * the outcome (the popup may close meanwhile).
   */
  'auth/sign-in': { request: SignInProviderId; response: void };
  /** Ends that provider's session; the others stay. */
  'auth/sign-out': { request: SignInProviderId; response: void };
  /** Every provider's sign-in state, after abandoning flows whose worker stopped. */
  'auth/state': { request: void; response: AuthStates };
  /** Cached results when fresh, else the provider's; `force` is "Refresh". */
  'search/run': { request: SearchRequest; response: SearchResult };
  /** The next page of the search, added to what is cached. */
  'search/more': { request: SearchRequest; response: SearchResult };
  /** Saves the search (its current results are the baseline), or removes it if saved. */
  'saved/toggle': { request: SearchQuery; response: SavedSearch | null };
  'saved/rename': { request: { id: string; name: string }; response: SavedSearch };
  /** Every saved search (the popup asks rather than carry the reading of storage.sync in its first files). */
  'saved/list': { request: void; response: SavedSearch[] };
  'saved/remove': { request: string; response: void };
  /** "Interested", pressed: keeps the event (or forgets it, if kept); null when it is no longer kept. */
  'interested/toggle': { request: Event; response: InterestedEvent | null };
  /** "Sync now". */
  'sync/run': { request: void; response: SyncStatus };
  /** Each saved search's new events, handed over once; clears the badge. */
  'sync/new-matches': { request: void; response: NewMatch[] };
  /** Checks the Ticketmaster key with one request and keeps it only if Ticketmaster takes it. */
  'ticketmaster/save-key': { request: string; response: KeyCheck };
  'ticketmaster/remove-key': { request: void; response: void };
  /** Empties the search cache; sync bookkeeping stays, so nothing old turns "new". */
  'cache/clear': { request: void; response: void };
}

export type MessageType = keyof Protocol;
type Envelope = { [K in MessageType]: { type: K; payload: Protocol[K]['request'] } }[MessageType];
/** A failure crosses as its problem (lib/problem.ts): a code and parameters, never words. */
type Reply<T> = { ok: true; value: T } | { ok: false; error: Problem };

export async function sendMessage<K extends MessageType>(
  type: K,
  ...payload: Protocol[K]['request'] extends void ? [] : [Protocol[K]['request']]
): Promise<Protocol[K]['response']> {
  const reply = await browser.runtime.sendMessage<Envelope, Reply<Protocol[K]['response']> | undefined>({
    type,
    payload: payload[0],
  } as Envelope);
  if (!reply) throw new ProblemError('no-answer');
  if (!reply.ok) {
    const problem = parseProblem(reply.error) ?? { code: 'failed' };
    throw new ProblemError(problem.code, { params: problem.params });
  }
  return reply.value;
}

export type Handlers = {
  [K in MessageType]: (
    payload: Protocol[K]['request'],
  ) => Promise<Protocol[K]['response']> | Protocol[K]['response'];
};

/** Only the extension's own pages may talk to the background. */
type Sender = Browser.runtime.MessageSender;

export function isOwnPage(sender: Sender): boolean {
  const ownOrigin = new URL(browser.runtime.getURL('/')).origin;
  return (
    sender.id === browser.runtime.id &&
    typeof sender.url === 'string' &&
    new URL(sender.url).origin === ownOrigin
  );
}

function isEnvelope(message: unknown, handlers: Handlers): message is Envelope {
  return (
    typeof message === 'object' &&
    message !== null &&
    Object.hasOwn(handlers, (message as { type?: unknown }).type as string)
  );
}

async function answer(handlers: Handlers, ready: Promise<unknown>, message: unknown, sender: Sender) {
  if (!isOwnPage(sender)) return { ok: false, error: { code: 'forbidden' } } satisfies Reply<unknown>;
  if (!isEnvelope(message, handlers))
    return { ok: false, error: { code: 'failed' } } satisfies Reply<unknown>;
  try {
    await ready;
    const handler = handlers[message.type] as (payload: unknown) => unknown;
    return { ok: true, value: await handler(message.payload) } satisfies Reply<unknown>;
  } catch (error) {
    return { ok: false, error: problemOf(error) } satisfies Reply<unknown>;
  }
}

export function listenForMessages(handlers: Handlers, ready: Promise<unknown> = Promise.resolve()): void {
  // sendResponse and `return true` (an answer will come): how Chrome and Firefox both answer later.
  browser.runtime.onMessage.addListener((message: unknown, sender, sendResponse) => {
    void answer(handlers, ready, message, sender).then(sendResponse);
    return true;
  });
}
