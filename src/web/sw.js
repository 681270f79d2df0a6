// Dateline's service worker: the site works offline after the first visit.
// scripts/postbuild.mjs fills in VERSION (a hash of every asset) and ASSETS
// (the site's files, relative to this worker's scope), so each deploy gets a
// new worker and a new cache, and the old cache is deleted on activation.
const CACHE = 'dateline-__VERSION__';
const ASSETS = __ASSETS__;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) => cache.addAll(ASSETS)).then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('dateline-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== location.origin) return;
  if (request.mode === 'navigate') {
    // The page: network first, so a new deploy shows at once; the cached copy offline.
    const page = new URL('./', self.registration.scope).href;
    event.respondWith(
      fetch(request)
        .then((response) => {
          if (response.ok) {
            const copy = response.clone();
            caches.open(CACHE).then((cache) => cache.put(page, copy));
          }
          return response;
        })
        .catch(() => caches.open(CACHE).then((cache) => cache.match(page))),
    );
    return;
  }
  // Assets have content hashes in their names: the cache first.
  event.respondWith(caches.match(request).then((cached) => cached || fetch(request)));
});
