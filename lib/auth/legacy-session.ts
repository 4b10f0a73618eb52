import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { parseAuthState, authStates } from '../settings';
import { declareStoredFamily } from '../stored-item';
import { cacheOwners, parseTokenSet, tokenStores } from './token-store';

/**
 * 0.1.0 signed in to one provider at a time, under `local:authState`, `local:tokens` and
 * `local:cacheOwner` (each with WXT's `$` version record). Their keys are the account's until adopted.
 */
const LEGACY_KEYS = ['authState', 'tokens', 'cacheOwner'] as const;
for (const key of LEGACY_KEYS) declareStoredFamily(`local:${key}`, 'session-end');

/**
 * Moves a session from the single-provider keys to its provider's own (lib/settings.ts authStates,
 * lib/auth/token-store.ts), once, when the worker starts, so an update keeps the user signed in. WXT's
 * migrations step one item's versions and cannot move a record to another key, hence this step. A
 * record that does not parse, or tokens of another provider than the state names, are dropped: the
 * user signs in again, and nothing half-read is ever sent.
 */
export async function adoptSingleProviderSession(): Promise<void> {
  const stored = await browser.storage.local.get([...LEGACY_KEYS]);
  if (!LEGACY_KEYS.some((key) => key in stored)) return;
  const state = parseAuthState(stored.authState);
  const tokens = parseTokenSet(stored.tokens);
  if (state?.status === 'signed-in' && tokens?.provider === state.provider) {
    const provider = state.provider;
    const owner = typeof stored.cacheOwner === 'string' ? stored.cacheOwner : null;
    await storage.setItems([
      { item: tokenStores[provider].storageItem, value: tokens },
      { item: cacheOwners[provider].storageItem, value: owner },
      { item: authStates[provider].storageItem, value: state },
    ]);
  }
  await browser.storage.local.remove(LEGACY_KEYS.flatMap((key) => [key, `${key}$`]));
}
