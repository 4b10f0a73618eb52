import { storage, type StorageItemKey, type WxtStorageItem } from 'wxt/utils/storage';

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
    fallback: T;
    version?: number;
    /** WXT's: each step takes a record of the version before it to this one. */
    migrations?: Record<number, (old: unknown) => unknown>;
    parse: (raw: unknown) => T | undefined;
  },
): StoredItem<T> {
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
