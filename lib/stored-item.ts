import { browser } from 'wxt/browser';
import { storage, type StorageItemKey, type WxtStorageItem } from 'wxt/utils/storage';
import { providerKey, SIGN_IN_PROVIDER_IDS, type SignInProviderId } from './provider-id';

/**
 * What clears a stored item, in the spirit of Bitwarden's `clearOn`: a `session-end` item is a signed-in
 * account's and goes whenever its session ends, however it ends (lib/auth/session.ts endSession walks this
 * registry): one provider's own items when that provider's session ends, shared ones (which may hold any
 * account's data) when any does; a `key-removed` item is the Ticketmaster key's and goes when the user removes the key
 * (lib/ticketmaster-key.ts), and a sign-out keeps it; a `never` item is the user's own or this browser's,
 * and stays (settings, saved searches).
 */
export type ClearOn = 'session-end' | 'key-removed' | 'never';

export interface StorageDeclaration {
  /** `local:tokens`, or for a family of keys its prefix: `sync:saved:`. */
  key: StorageItemKey;
  family: boolean;
  clearOn: ClearOn;
  /** The sign-in provider whose account it belongs to; absent where it is shared by every account. */
  provider?: SignInProviderId;
}

const declarations = new Map<string, StorageDeclaration>();

function declare(declaration: StorageDeclaration): void {
  const known = declarations.get(declaration.key);
  if (known && known.clearOn !== declaration.clearOn)
    throw new Error(
      `${declaration.key} is declared twice, cleared on ${known.clearOn} and ${declaration.clearOn}`,
    );
  declarations.set(declaration.key, declaration);
}

/** Declares keys that are not one defineStoredItem each: every key starting with `prefix`. */
export function declareStoredFamily(prefix: StorageItemKey, clearOn: ClearOn): void {
  declare({ key: prefix, family: true, clearOn });
}

/** Every declaration made so far (each module declares its items as it is loaded). */
const storageDeclarations = (): StorageDeclaration[] => [...declarations.values()];

const AREAS = ['local', 'session', 'sync'] as const;

/** The declaration a stored key falls under (WXT's `<key>$` version record with its item), if any. */
export function declarationOf(area: (typeof AREAS)[number], key: string): StorageDeclaration | undefined {
  const full = `${area}:${key.replace(/\$$/, '')}`;
  return (
    declarations.get(full) ??
    storageDeclarations().find((known) => known.family && full.startsWith(known.key))
  );
}

/**
 * Removes every stored item declared to clear on `event`, in every area, with its version record; for
 * one provider's session, its own items and the shared ones, never another provider's.
 */
export async function clearItemsOn(
  event: Exclude<ClearOn, 'never'>,
  provider?: SignInProviderId,
): Promise<void> {
  const ends = (declaration: StorageDeclaration | undefined) =>
    declaration?.clearOn === event &&
    (declaration.provider === undefined || provider === undefined || declaration.provider === provider);
  await Promise.all(
    AREAS.map(async (area) => {
      const keys = Object.keys(await browser.storage[area].get(null));
      const ending = keys.filter((key) => ends(declarationOf(area, key)));
      if (ending.length) await browser.storage[area].remove(ending);
    }),
  );
}

/**
 * A storage item whose value is checked on every read. Storage is outside data too: storage.sync brings
 * records from another device's older (or newer) version, and any record may be cut short or edited by
 * hand. A value that does not parse reads as the fallback: it never reaches the code, and a read never
 * deletes it (the next write replaces it).
 */
export interface StoredItem<T> {
  getValue(): Promise<T>;
  setValue(value: T): Promise<void>;
  removeValue(): Promise<void>;
  watch(callback: (value: T) => void): () => void;
  /** The unchecked item, for `storage.setItems` (several items written at once). */
  readonly storageItem: WxtStorageItem<unknown, Record<string, unknown>>;
}

interface StoredItemOptions<T> {
  /** What clears it: see ClearOn. Required, so that no private item can be added without saying. */
  clearOn: ClearOn;
  /** Whose account it belongs to (see StorageDeclaration.provider). */
  provider?: SignInProviderId;
  fallback: T;
  version?: number;
  /** WXT's: each step takes a record of the version before it to this one. */
  migrations?: Record<number, (old: unknown) => unknown>;
  parse: (raw: unknown) => T | undefined;
}

export function defineStoredItem<T>(key: StorageItemKey, options: StoredItemOptions<T>): StoredItem<T> {
  declare({ key, family: false, clearOn: options.clearOn, provider: options.provider });
  const item = storage.defineItem<unknown>(key, {
    fallback: options.fallback,
    version: options.version,
    migrations: options.migrations,
  });
  const read = (raw: unknown): T => {
    try {
      return options.parse(raw) ?? options.fallback;
    } catch {
      return options.fallback;
    }
  };
  return {
    getValue: async () => read(await item.getValue()),
    setValue: (value) => item.setValue(value),
    removeValue: () => item.removeValue(),
    watch: (callback) => item.watch((raw) => callback(read(raw))),
    storageItem: item,
  };
}

/**
 * One item per sign-in provider, each that provider's own (`local:demo:tokens`, `local:eventbrite:tokens`),
 * so a provider's session is written and cleared without touching another's.
 */
export function defineProviderItems<T>(
  area: 'local' | 'session',
  name: string,
  options: (provider: SignInProviderId) => Omit<StoredItemOptions<T>, 'provider'>,
): Record<SignInProviderId, StoredItem<T>> {
  return Object.fromEntries(
    SIGN_IN_PROVIDER_IDS.map((provider) => [
      provider,
      defineStoredItem<T>(`${area}:${providerKey(provider, name)}`, { ...options(provider), provider }),
    ]),
  ) as Record<SignInProviderId, StoredItem<T>>;
}
