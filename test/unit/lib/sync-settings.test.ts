import { beforeEach, describe, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { syncStatus } from '@/lib/sync-settings';

beforeEach(() => fakeBrowser.reset());

describe('version 1 records, which stored English sentences, keep only codes', () => {
  test.each([
    ['synced', { code: 'synced' }],
    ['signed-out', { code: 'not-signed-in' }],
    ['rate-limited', { code: 'rate-limit' }],
    ['failed', { code: 'failed' }],
  ])('syncStatus: outcome %s becomes %j', async (outcome, expected) => {
    await fakeBrowser.storage.local.set({
      syncStatus: { at: 5, outcome, message: 'Some English.', found: 2 },
      syncStatus$: { v: 1 },
    });
    await syncStatus.storageItem.migrate();
    expect(await syncStatus.getValue()).toEqual({ at: 5, outcome: expected, found: 2 });
    expect(await fakeBrowser.storage.local.get('syncStatus')).toEqual({
      syncStatus: { at: 5, outcome: expected, found: 2 },
    });
  });
});
