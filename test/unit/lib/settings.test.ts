import { beforeEach, describe, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { authState } from '@/lib/settings';

beforeEach(() => fakeBrowser.reset());

describe('version 1 records, which stored English sentences, keep only codes', () => {
  test('authState: the problem loses its message', async () => {
    await fakeBrowser.storage.local.set({
      authState: {
        status: 'signed-out',
        problem: { code: 'session-expired', message: 'Your session has ended. Sign in again to continue.' },
      },
      authState$: { v: 1 },
    });
    await authState.storageItem.migrate();
    expect(await fakeBrowser.storage.local.get(['authState', 'authState$'])).toEqual({
      authState: { status: 'signed-out', problem: { code: 'session-expired' } },
      authState$: { v: 2 },
    });
    expect(await authState.getValue()).toEqual({
      status: 'signed-out',
      problem: { code: 'session-expired' },
    });
  });
});
