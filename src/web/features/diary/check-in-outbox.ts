// A check-in is written through the offline outbox: queued, then sent when the network allows.
import { outbox } from '../../offline/outbox-instance.ts';
import type { OutboxItem } from '../../offline/outbox.ts';

/** Queues the write and resolves with its outbox item once the outbox has tried it (none: it was sent). */
export async function writeThroughOutbox(path: string, body: unknown, baseVersion: number | undefined): Promise<OutboxItem | undefined> {
  await outbox.enqueue({ method: 'PUT', path, body, baseVersion });
  return (
    await new Promise<readonly OutboxItem[]>((resolve) => {
      const off = outbox.subscribe((items) => {
        off();
        resolve(items);
      });
    })
  ).find((i) => i.path === path);
}
