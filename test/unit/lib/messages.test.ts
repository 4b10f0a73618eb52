import { beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { isOwnPage, listenForMessages, sendMessage, type Handlers } from '@/lib/messages';
import { ProblemError } from '@/lib/problem';
import { SIGNED_OUT, type AuthStates } from '@/lib/settings';

const NOBODY: AuthStates = { demo: SIGNED_OUT, eventbrite: SIGNED_OUT };

describe('isOwnPage', () => {
  beforeEach(() => fakeBrowser.reset());
  const own = fakeBrowser.runtime.getURL('/popup.html');

  test("accepts the extension's own pages, in the popup or in a tab", () => {
    expect(isOwnPage({ id: fakeBrowser.runtime.id, url: own })).toBe(true);
    expect(isOwnPage({ id: fakeBrowser.runtime.id, url: own, tab: { id: 3 } as never })).toBe(true);
  });

  test.each([
    ['another extension', { id: 'someone-else', url: 'chrome-extension://someone-else/page.html' }],
    ['a web page', { id: undefined, url: 'https://evil.test/' }],
    ['a sender claiming our id from a web origin', { id: fakeBrowser.runtime.id, url: 'https://evil.test/' }],
    ['a sender without a URL', { id: fakeBrowser.runtime.id }],
  ])('refuses %s', (_name, sender) => {
    expect(isOwnPage(sender as never)).toBe(false);
  });
});

describe('listenForMessages', () => {
  const own = { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/options.html') };
  const handlers = (overrides: Partial<Handlers> = {}) =>
    ({ 'auth/state': () => ({ status: 'signed-out' }), ...overrides }) as unknown as Handlers;
  /** What the background answers a message, as the page's sendMessage would receive it. */
  const answer = async (message: unknown, sender: object = own) =>
    new Promise<unknown>((resolve) => {
      void fakeBrowser.runtime.onMessage.trigger(message, sender, resolve).then(([keptOpen]) => {
        // The listener says an answer will come (`true`), and gives it through sendResponse.
        expect(keptOpen).toBe(true);
      });
    });

  beforeEach(() => fakeBrowser.reset());

  test("answers the extension's own pages with the handler's value", async () => {
    listenForMessages(handlers());
    expect(await answer({ type: 'auth/state' })).toEqual({ ok: true, value: { status: 'signed-out' } });
  });

  test('a failure crosses as its problem: a code and parameters, no words', async () => {
    listenForMessages(
      handlers({
        'saved/rename': () => {
          throw new ProblemError('name-too-long', { params: { max: 80 }, detail: 'for logs only' });
        },
        'sync/run': () => Promise.reject(new Error('something internal')),
      }),
    );
    expect(await answer({ type: 'saved/rename', payload: { id: 'x', name: 'y' } })).toEqual({
      ok: false,
      error: { code: 'name-too-long', params: { max: 80 } },
    });
    expect(await answer({ type: 'sync/run' })).toEqual({ ok: false, error: { code: 'failed' } });
  });

  test('refuses other senders and unknown messages, and runs nothing for them', async () => {
    let ran = 0;
    listenForMessages(handlers({ 'auth/state': () => ((ran += 1), NOBODY) }));
    expect(await answer({ type: 'auth/state' }, { id: 'other', url: 'https://evil.test/' })).toEqual({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await answer({ type: 'no/such' })).toEqual({ ok: false, error: { code: 'failed' } });
    expect(await answer('auth/state')).toEqual({ ok: false, error: { code: 'failed' } });
    expect(ran).toBe(0);
  });

  test('waits for the background to be ready before any handler runs', async () => {
    let release!: () => void;
    const ready = new Promise<void>((resolve) => (release = resolve));
    const order: string[] = [];
    listenForMessages(handlers({ 'auth/state': () => (order.push('handled'), NOBODY) }), ready);
    const answered = answer({ type: 'auth/state' });
    await Promise.resolve();
    order.push('ready');
    release();
    await answered;
    expect(order).toEqual(['ready', 'handled']);
  });
});

describe('sendMessage', () => {
  beforeEach(() => fakeBrowser.reset());

  test('no answer at all is a problem of its own', async () => {
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue(undefined);
    await expect(sendMessage('auth/state')).rejects.toMatchObject({ code: 'no-answer' });
  });

  test('a refusal becomes a ProblemError with its code and parameters; anything else unknown is "failed"', async () => {
    const send = vi.spyOn(fakeBrowser.runtime, 'sendMessage');
    send.mockResolvedValueOnce({
      ok: false,
      error: { code: 'saved-too-many', params: { max: 50 } },
    } as never);
    await expect(sendMessage('sync/run')).rejects.toMatchObject({
      code: 'saved-too-many',
      params: { max: 50 },
    });
    send.mockResolvedValueOnce({ ok: false, error: { code: 'not-a-code' } } as never);
    await expect(sendMessage('sync/run')).rejects.toMatchObject({ code: 'failed' });
    send.mockResolvedValueOnce({ ok: true, value: { status: 'signed-out' } } as never);
    expect(await sendMessage('auth/state')).toEqual({ status: 'signed-out' });
  });
});
