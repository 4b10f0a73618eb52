import { browser } from 'wxt/browser';
import { withCacheConnection, type CacheDb } from './cache/db';
import { countNew } from './cache/sync-state';

async function showNewCount(db: CacheDb): Promise<void> {
  const count = await countNew(db);
  await browser.action.setBadgeBackgroundColor({ color: '#4338ca' });
  await browser.action.setBadgeText({ text: count ? String(Math.min(count, 999)) : '' });
}

/** The badge counts new events the user has not yet seen, of every provider still connected. */
export function updateBadge(db?: CacheDb): Promise<void> {
  return db ? showNewCount(db) : withCacheConnection(showNewCount);
}
