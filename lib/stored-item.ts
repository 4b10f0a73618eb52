import { browser } from 'wxt/browser';
import { storage, type StorageItemKey, type WxtStorageItem } from 'wxt/utils/storage';

/**
 * What clears a stored item, in the spirit of Bitwarden's `clearOn`: a `session-end` item is the signed-in
 * account's and goes whenever its session ends, however it ends (lib/auth/session.ts endSession walks this
 * registry); a `key-removed` item is the Ticketmaster key's and goes when the user removes the key
 * (lib/ticketmaster-key.ts), and a sign-out keeps it; a `never` item is the user's own or this browser's,
 * and stays (settings, saved searches).
 */
export type ClearOn = 'session-end' | 'key-removed' | 'never';

export interface StorageDeclaration {
  /** `local:tokens`, or for a family of keys its prefix: `sync:saved:`. */
  key: StorageItemKey;
  family: boolean;
  clearOn: ClearOn;
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

/** Removes every stored item declared to clear on `event`, in every area, with its version record. */
export async function clearItemsOn(event: Exclude<ClearOn, 'never'>): Promise<void> {
  await Promise.all(
    AREAS.map(async (area) => {
      const keys = Object.keys(await browser.storage[area].get(null));
      const ending = keys.filter((key) => declarationOf(area, key)?.clearOn === event);
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

export function defineStoredItem<T>(
  key: StorageItemKey,
  options: {
    /** What clears it: see ClearOn. Required, so that no private item can be added without saying. */
    clearOn: ClearOn;
    fallback: T;
    version?: number;
    /** WXT's: each step takes a record of the version before it to this one. */
    migrations?: Record<number, (old: unknown) => unknown>;
    parse: (raw: unknown) => T | undefined;
  },
): StoredItem<T> {
  declare({ key, family: false, clearOn: options.clearOn });
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
