import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { eventbriteGet, parseEventbriteUser } from '@/lib/providers/eventbrite-api';
import { ProviderError } from '@/lib/providers/provider-error';
import { fakeFetch, networkDown } from '../../../support/fake-fetch';

describe('parseEventbriteUser', () => {
  test('names the account by its name', () => {
    expect(
      parseEventbriteUser({ id: '1', name: 'Dana Demo', emails: [{ email: 'd@x.test', primary: true }] }),
    ).toEqual({ id: '1', name: 'Dana Demo', email: 'd@x.test' });
  });

  test('falls back to first and last name, then the email, then the id', () => {
    expect(parseEventbriteUser({ id: 2, first_name: 'Ana', last_name: 'Lopez' }).name).toBe('Ana Lopez');
    expect(parseEventbriteUser({ id: '3', name: ' ', emails: [{ email: 'only@x.test' }] }).name).toBe(
      'only@x.test',
    );
    expect(parseEventbriteUser({ id: '4', emails: null }).name).toBe('Account 4');
  });

  test('keeps unicode as it is', () => {
    expect(parseEventbriteUser({ id: '5', name: 'Zoë Ōkubo 🎟️' }).name).toBe('Zoë Ōkubo 🎟️');
  });

  test.each([null, 'text', [], { name: 'no id' }])('refuses %j', (body) => {
    expect(() => parseEventbriteUser(body)).toThrow(ProviderError);
  });
});

describe('eventbriteGet', () => {
  // Retries (lib/retry-policy.ts, tested on its own) go out at once: full jitter from 0.
  beforeEach(() => vi.spyOn(Math, 'random').mockReturnValue(0));
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  const answer = (status: number, body: unknown, headers: Record<string, string> = {}) =>
    fakeFetch(
      () => new Response(typeof body === 'string' ? body : JSON.stringify(body), { status, headers }),
    );

  test('sends the token in the Authorization header, never in the URL', async () => {
    answer(200, { ok: true });
    await eventbriteGet('https://api.test/v3', '/users/me/', 'secret');
    const [url, init] = vi.mocked(fetch).mock.calls[0]!;
    expect(url).toEqual(new URL('https://api.test/v3/users/me/'));
    expect(new Headers(init?.headers).get('authorization')).toBe('Bearer secret');
  });

  test.each([
    ['INVALID_AUTH as 401', 401, 'INVALID_AUTH', 'auth'],
    ['INVALID_AUTH as 400', 400, 'INVALID_AUTH', 'auth'],
    ['NOT_AUTHORIZED', 403, 'NOT_AUTHORIZED', 'forbidden'],
    ['HIT_RATE_LIMIT', 429, 'HIT_RATE_LIMIT', 'rate-limit'],
    ['ARGUMENTS_ERROR', 400, 'ARGUMENTS_ERROR', 'arguments'],
    ['a 502 without a body', 502, undefined, 'server'],
  ])('decides on the error field: %s', async (_name, status, error, code) => {
    answer(
      status,
      error ? { error, error_description: 'x', status_code: status } : '<html>bad gateway</html>',
    );
    await expect(eventbriteGet('https://api.test/v3', '/users/me/', 't')).rejects.toMatchObject({ code });
  });

  test('reads Retry-After', async () => {
    answer(429, { error: 'HIT_RATE_LIMIT' }, { 'retry-after': '120' });
    await expect(eventbriteGet('https://api.test/v3', '/x/', 't')).rejects.toMatchObject({
      code: 'rate-limit',
      retryAfter: 120,
    });
  });

  test('a 200 that is not JSON is malformed', async () => {
    answer(200, '{"truncated": ');
    await expect(eventbriteGet('https://api.test/v3', '/x/', 't')).rejects.toMatchObject({
      code: 'malformed',
    });
  });

  test('a network failure is a network error', async () => {
    fakeFetch(networkDown);
    await expect(eventbriteGet('https://api.test/v3', '/x/', 't')).rejects.toMatchObject({ code: 'network' });
  });
});
