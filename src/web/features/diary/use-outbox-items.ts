// The offline outbox's writes, kept current, and the diary entry a write is about.
import { useEffect, useState } from 'preact/hooks';
import { outbox } from '../../offline/outbox-instance.ts';
import type { OutboxItem } from '../../offline/outbox.ts';

export function useOutboxItems(): readonly OutboxItem[] {
  const [items, setItems] = useState<readonly OutboxItem[]>([]);
  useEffect(() => outbox.subscribe(setItems), []);
  return items;
}

/** The entry id at the end of a diary entry's path. */
export const idOf = (path: string) => path.slice(path.lastIndexOf('/') + 1);
