// Painwise service worker: keeps the whole app available offline. API requests always go to the
// network (the app's outbox handles offline writes); navigations fall back to the cached shell.
//
// Every file of the build is cached when the worker installs, not only the screens a person has
// already opened: someone who goes offline on a train must still be able to open Flares or a
// questionnaire whose code they never fetched. The build writes its file list and version into
// BUILD below (see vite.config.ts); a new build therefore changes this file, which makes the browser
// install the new worker and drop the old cache.
const BUILD = { version: 'dev', assets: [] };
const CACHE = `painwise-${BUILD.version}`;
const SHELL = ['/', '/manifest.webmanifest', '/icon.svg'];

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll([...SHELL, ...BUILD.assets]))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin || url.pathname.startsWith('/api/')) return;
  if (request.mode === 'navigate') {
    event.respondWith(
      fetch(request)
        .then((response) => {
          const copy = response.clone();
          caches.open(CACHE).then((cache) => cache.put('/', copy));
          return response;
        })
        .catch(() => caches.match('/')),
    );
    return;
  }
  if (url.pathname.startsWith('/assets/')) {
    // Build files never change under one name (their names carry a content hash), so the cache wins.
    event.respondWith(
      caches.match(request).then(
        (cached) =>
          cached ||
          fetch(request).then((response) => {
            const copy = response.clone();
            if (response.ok) caches.open(CACHE).then((cache) => cache.put(request, copy));
            return response;
          }),
      ),
    );
  }
});
