/**
 * The one retry policy for every request Event Scout makes (the events API, OAuth discovery, token and
 * revocation endpoints):
 *
 * - every attempt has a timeout, and the whole request a deadline, both well under the 30 s a service
 *   worker may sit idle, so no request outlives the worker that waits for it;
 * - `429` and `503` honour `Retry-After` (seconds or an HTTP date) when the wait fits the deadline; a longer
 *   one is handed back to the caller, who turns it into an alarm (sync) or a message (search);
 * - other 5xx answers, `429`/`503` without `Retry-After`, network errors and timeouts back off with full
 *   jitter, a bounded number of times; a `429` without `Retry-After` waits at least a second first (a
 *   per-second limit, such as Ticketmaster's spike arrest, is over by then);
 * - only idempotent requests (GET) are ever sent twice: a POST (the code exchange, the refresh grant,
 *   revocation) is sent once, because its answer may have been lost after the server acted on it.
 *
 * Authorization (a `401` refreshes once, a `403` never does) is the caller's: see `withAccessToken`.
 */

export const RETRY_POLICY = {
  /** Attempts in all, the first included. */
  attempts: 3,
  /** Full jitter: the n-th retry waits a random time in [0, min(maxBackoffMs, baseBackoffMs × 2ⁿ)). */
  baseBackoffMs: 500,
  maxBackoffMs: 4_000,
  attemptTimeoutMs: 15_000,
  /** From the first attempt to the last answer, waits included. */
  deadlineMs: 25_000,
  /** The least a `429` without `Retry-After` waits, before its jitter. */
  rateLimitFloorMs: 1_000,
} as const;

/** What a caller adds to the policy for one provider. */
export interface RetryHooks {
  /**
   * Awaited before every attempt, retries included: pacing to a provider's rate, counting a budget. What
   * it throws ends the request as it is, without a retry.
   */
  beforeAttempt?: () => Promise<void>;
  /**
   * A closer look at an answer the policy would retry: false makes it the last (a day's quota spent
   * will not come back in seconds).
   */
  isRetryable?: (response: Response) => Promise<boolean>;
}

const RETRY_AFTER_STATUSES = new Set([429, 503]);
/** Statuses whose body has to be null in a Response. */
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** `Retry-After` in seconds: a number of seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(header: string | null, now = Date.now()): number | undefined {
  const value = header?.trim();
  if (!value) return undefined;
  if (/^\d+$/.test(value)) return Number(value);
  // An HTTP date names its weekday and month; without letters, Date.parse would read "-5" as a year.
  const date = /[a-z]/i.test(value) ? Date.parse(value) : Number.NaN;
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - now) / 1000));
}

export class RequestTimeoutError extends Error {
  override readonly name = 'RequestTimeoutError';
}

/** One attempt: the answer and its whole body within `timeoutMs` (a stalled body times out too). */
async function attempt(url: string | URL, init: RequestInit, timeoutMs: number): Promise<Response> {
  const controller = new AbortController();
  const timer = setTimeout(
    () => controller.abort(new RequestTimeoutError(`no complete answer within ${timeoutMs} ms`)),
    timeoutMs,
  );
  const signal = init.signal ? AbortSignal.any([init.signal, controller.signal]) : controller.signal;
  try {
    const response = await fetch(url, { ...init, signal });
    const body = NULL_BODY_STATUSES.has(response.status) ? null : await response.arrayBuffer();
    return new Response(body, {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
  } catch (error) {
    throw controller.signal.aborted ? controller.signal.reason : error;
  } finally {
    clearTimeout(timer);
  }
}

const isIdempotent = (init: RequestInit) => ['GET', 'HEAD'].includes((init.method ?? 'GET').toUpperCase());

/**
 * `fetch` under the retry policy. Resolves with the last answer (whatever its status: the caller reads
 * it) or rejects with the last network error or RequestTimeoutError.
 */
export async function fetchWithRetry(
  url: string | URL,
  init: RequestInit = {},
  hooks: RetryHooks = {},
): Promise<Response> {
  const deadline = Date.now() + RETRY_POLICY.deadlineMs;
  const attempts = isIdempotent(init) ? RETRY_POLICY.attempts : 1;
  for (let tried = 1; ; tried++) {
    const remaining = deadline - Date.now();
    let outcome: { response: Response } | { error: unknown };
    // Outside the try: a budget that refuses the attempt is the caller's answer, not a fault to retry.
    if (hooks.beforeAttempt) await hooks.beforeAttempt();
    try {
      outcome = { response: await attempt(url, init, Math.min(RETRY_POLICY.attemptTimeoutMs, remaining)) };
    } catch (error) {
      // The caller's own abort is not a fault to retry.
      if (init.signal?.aborted) throw error;
      outcome = { error };
    }
    // Offline, a failure will not be different a moment later; the caller falls back to the cache.
    const offline = globalThis.navigator?.onLine === false;
    const wait =
      'response' in outcome
        ? await waitForAnswer(outcome.response, tried, hooks)
        : offline
          ? undefined
          : backoff(tried);
    const last = tried >= attempts || wait === undefined || Date.now() + wait >= deadline;
    if (last) {
      if ('response' in outcome) return outcome.response;
      throw outcome.error;
    }
    await sleep(wait);
  }
}

/** The wait before retrying this answer, unless the caller's closer look finds it final. */
async function waitForAnswer(response: Response, tried: number, hooks: RetryHooks) {
  const wait = waitBeforeRetry(response, tried);
  if (wait === undefined || !hooks.isRetryable) return wait;
  return (await hooks.isRetryable(response.clone())) ? wait : undefined;
}

/** How long to wait before trying this answer's request again; undefined when it is not worth retrying. */
function waitBeforeRetry(response: Response, tried: number): number | undefined {
  if (RETRY_AFTER_STATUSES.has(response.status)) {
    const seconds = parseRetryAfter(response.headers.get('retry-after'));
    if (seconds !== undefined) return seconds * 1000;
    return (response.status === 429 ? RETRY_POLICY.rateLimitFloorMs : 0) + backoff(tried);
  }
  return response.status >= 500 ? backoff(tried) : undefined;
}

function backoff(tried: number): number {
  return Math.floor(
    Math.random() * Math.min(RETRY_POLICY.maxBackoffMs, RETRY_POLICY.baseBackoffMs * 2 ** (tried - 1)),
  );
}
