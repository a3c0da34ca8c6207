// The app's one outbox: IndexedDB-backed, sending with the session's CSRF token, flushed when the
// browser comes back online.
import { csrf } from '../api/client.ts';
import { indexedDbStorage, memoryStorage, Outbox } from './outbox.ts';

export const outbox = new Outbox(typeof indexedDB === 'undefined' ? memoryStorage() : indexedDbStorage(), async (item) => {
  const response = await fetch(item.path, {
    method: item.method,
    credentials: 'same-origin',
    headers: {
      ...(item.body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(item.baseVersion !== undefined ? { 'if-match': `"${item.baseVersion}"` } : {}),
      ...(csrf() ? { 'x-csrf-token': csrf()! } : {}),
    },
    ...(item.body !== undefined ? { body: JSON.stringify(item.body) } : {}),
  });
  return { status: response.status, body: await response.json().catch(() => undefined) };
});

if (typeof window !== 'undefined')
  window.addEventListener('online', () => {
    void outbox.flush();
  });
