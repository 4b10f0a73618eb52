import { useEffect, useState } from 'preact/hooks';
import type { StoredItem } from '@/lib/stored-item';

/** A stored item's value, kept live as it changes (undefined until it is first read). */
export function useStoredValue<T>(item: StoredItem<T>): T | undefined {
  const [value, setValue] = useState<T>();
  useEffect(() => {
    void item.getValue().then(setValue);
    return item.watch(setValue);
  }, [item]);
  return value;
}
