import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import {
  fetchWithRetry,
  parseRetryAfter,
  RequestTimeoutError,
  RETRY_POLICY,
  type RetryHooks,
} from '@/lib/retry-policy';
import { fakeFetch } from '../../support/fake-fetch';

// The retry policy with fake timers: every wait is a timer, so each test says exactly when a request goes out.

type Step = Response | Error | 'hang' | 'stall-body';
let script: Step[] = [];
let sentAt: number[] = [];
const URL_ = 'https://api.test/v3/events/search/';

function answer(status: number, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify({ status }), { status, headers });
}

/** A body whose bytes never finish arriving; like fetch's own, it fails when the request is aborted. */
function stalledBody(signal: AbortSignal): Response {
  const body = new ReadableStream({
    start(controller) {
      controller.enqueue(new TextEncoder().encode('{"events": ['));
      signal.addEventListener('abort', () => controller.error(signal.reason));
    },
  });
  return new Response(body, { status: 200 });
}

beforeEach(() => {
  vi.useFakeTimers({ now: new Date('2030-01-01T00:00:00Z'), toFake: ['Date', 'setTimeout', 'clearTimeout'] });
  script = [];
  sentAt = [];
  fakeFetch(({ signal }) => {
    sentAt.push(Date.now());
    const step = script.shift() ?? answer(200);
    if (step instanceof Error) throw step;
    if (step === 'hang' || step === 'stall-body') {
      return new Promise((resolve, reject) => {
        signal.addEventListener('abort', () => reject(signal.reason as Error));
        if (step === 'stall-body') resolve(stalledBody(signal));
      });
    }
    return step;
  });
  // Full jitter draws from [0, cap): 0.5 makes every wait half its cap, so the tests can name it.
  vi.spyOn(Math, 'random').mockReturnValue(0.5);
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

/** Runs the request to its end on fake time; returns the outcome and the milliseconds it took. */
async function run(init: RequestInit = {}, hooks: RetryHooks = {}) {
  const started = Date.now();
  const outcome = fetchWithRetry(URL_, init, hooks).then(
    (response) => ({ response }),
    (error: unknown) => ({ error }),
  );
  await vi.runAllTimersAsync();
  return {
    ...(await outcome),
    took: Date.now() - started,
    gaps: sentAt.slice(1).map((time, index) => time - sentAt[index]!),
  };
}

describe('idempotent requests (GET)', () => {
  test('a 500 backs off with full jitter and the retry succeeds', async () => {
    script = [answer(500), answer(502)];
    const result = await run();
    expect(result).toMatchObject({ response: { status: 200 } });
    // Caps 500 and 1,000 ms, halved by the jitter.
    expect(result.gaps).toEqual([250, 500]);
  });

  test('the jitter spreads retries over the whole window', async () => {
    vi.mocked(Math.random).mockReturnValue(0.999);
    script = [answer(500)];
    expect((await run()).gaps).toEqual([499]);
    sentAt = [];
    vi.mocked(Math.random).mockReturnValue(0);
    script = [answer(500)];
    expect((await run()).gaps).toEqual([0]);
  });

  test('gives up after a bounded number of attempts with the last answer', async () => {
    script = Array.from({ length: 10 }, () => answer(503));
    const result = await run();
    expect(result).toMatchObject({ response: { status: 503 } });
    expect(sentAt).toHaveLength(RETRY_POLICY.attempts);
  });

  test('network errors are retried, and the last one is thrown', async () => {
    script = Array.from({ length: 10 }, () => new TypeError('Failed to fetch'));
    const result = await run();
    expect(result).toMatchObject({ error: expect.any(TypeError) });
    expect(sentAt).toHaveLength(RETRY_POLICY.attempts);
  });

  test.each([
    ['429, seconds', 429, '3'],
    ['503, an HTTP date', 503, new Date(Date.parse('2030-01-01T00:00:03Z')).toUTCString()],
  ])('Retry-After is honoured: %s', async (_name, status, retryAfter) => {
    script = [answer(status, { 'retry-after': retryAfter })];
    const result = await run();
    expect(result).toMatchObject({ response: { status: 200 } });
    expect(result.gaps).toEqual([3_000]);
  });

  test('a Retry-After longer than a worker lives is handed back at once, for an alarm', async () => {
    script = [answer(429, { 'retry-after': '120' })];
    const result = await run();
    expect(result).toMatchObject({ response: { status: 429 } });
    expect(sentAt).toHaveLength(1);
    expect(result.took).toBe(0);
  });

  test('a 429 without Retry-After backs off at least a second, plus jitter', async () => {
    script = [answer(429)];
    const result = await run();
    expect(result).toMatchObject({ response: { status: 200 } });
    expect(result.gaps).toEqual([RETRY_POLICY.rateLimitFloorMs + 250]);
  });

  test('an answer the caller calls final is not retried', async () => {
    script = [answer(429), answer(500)];
    const looked: number[] = [];
    const result = await run(
      {},
      {
        isRetryable: async (response) => {
          looked.push(((await response.json()) as { status: number }).status);
          return false;
        },
      },
    );
    expect(result).toMatchObject({ response: { status: 429 } });
    expect(sentAt).toHaveLength(1);
    // The hook read a copy: the caller can still read the body.
    expect(looked).toEqual([429]);
    expect(await (result as { response: Response }).response.json()).toEqual({ status: 429 });
  });

  test('the hook before each attempt runs for every retry too, and can hold it back', async () => {
    script = [answer(500), answer(500)];
    let attempts = 0;
    const result = await run(
      {},
      {
        beforeAttempt: async () => {
          attempts++;
          await new Promise((resolve) => setTimeout(resolve, 100));
        },
      },
    );
    expect(result).toMatchObject({ response: { status: 200 } });
    expect(attempts).toBe(3);
    // Each backoff (250, then 500) plus the hook's 100 ms.
    expect(result.gaps).toEqual([350, 600]);
  });

  test.each([400, 401, 403, 404])('a %i is the caller’s to handle, never retried', async (status) => {
    script = [answer(status)];
    expect(await run()).toMatchObject({ response: { status } });
    expect(sentAt).toHaveLength(1);
  });
});

describe('requests that are not idempotent (the token and revocation endpoints)', () => {
  test.each([
    ['a 500', answer(500), { response: { status: 500 } }],
    ['a 503 with a short Retry-After', answer(503, { 'retry-after': '1' }), { response: { status: 503 } }],
    ['a lost answer', new TypeError('network error'), { error: expect.any(TypeError) }],
  ])('%s is sent once', async (_name, step, outcome) => {
    script = [step];
    expect(await run({ method: 'POST', body: 'grant_type=refresh_token' })).toMatchObject(outcome);
    expect(sentAt).toHaveLength(1);
  });
});

describe('timeouts', () => {
  test('an attempt with no answer is abandoned; the whole request ends before a worker would be stopped', async () => {
    script = ['hang', 'hang', 'hang'];
    const result = await run();
    expect(result).toMatchObject({ error: expect.any(RequestTimeoutError) });
    expect(result.took).toBeLessThanOrEqual(RETRY_POLICY.deadlineMs);
    expect(result.took).toBeLessThan(30_000);
    // The first attempt gets its full timeout; the next ones share what is left of the deadline.
    expect(result.gaps[0]).toBe(RETRY_POLICY.attemptTimeoutMs + 250);
  });

  test('a body that stops arriving times out too, and is retried', async () => {
    script = ['stall-body'];
    const result = await run();
    if (!('response' in result)) throw result.error;
    expect(await result.response.json()).toEqual({ status: 200 });
    expect(result.gaps).toEqual([RETRY_POLICY.attemptTimeoutMs + 250]);
  });

  test('the caller’s own abort is not retried', async () => {
    script = ['hang'];
    const controller = new AbortController();
    const outcome = run({ signal: controller.signal });
    controller.abort(new Error('closed'));
    expect(await outcome).toMatchObject({ error: { message: 'closed' } });
    expect(sentAt).toHaveLength(1);
  });
});

test('offline, a failed request is not retried', async () => {
  vi.stubGlobal('navigator', { onLine: false });
  script = [new TypeError('Failed to fetch')];
  expect(await run()).toMatchObject({ error: expect.any(TypeError) });
  expect(sentAt).toHaveLength(1);
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2030-01-01T00:00:00Z');
  test.each([
    ['120', 120],
    [' 7 ', 7],
    ['0', 0],
    ['Tue, 01 Jan 2030 00:00:30 GMT', 30],
    ['Mon, 31 Dec 2029 23:00:00 GMT', 0],
    ['-5', undefined],
    ['1.5', undefined],
    ['soon', undefined],
    ['', undefined],
    [null, undefined],
  ])('%j → %j', (header, seconds) => {
    expect(parseRetryAfter(header, now)).toBe(seconds);
  });
});
