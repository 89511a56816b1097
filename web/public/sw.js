/* global self, caches */
// Inspecta's service worker: lets a phone that opened the enterprise portal or a check-in page before verify a
// check-in code (亮码入企) without network. The app shell and its hashed assets come from the cache; the public
// signing keys are fetched from the network when it answers and kept for when it does not. Other API calls are
// never cached (they carry signed-in data).
const CACHE = 'inspecta-shell-v1';
// the same cache and shell key as onsite-sw.js, so either worker finds what the other kept
const SHELL = '/index.html';
const KEYS = '/api/v1/public/signing-keys';

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.add(SHELL))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((name) => name !== CACHE).map((name) => caches.delete(name))))
      .then(() => self.clients.claim()),
  );
});

// The page tells us which assets it loaded before we were in control, so they are cached too.
self.addEventListener('message', (event) => {
  const kinds = ['precache', 'keep'];
  const urls =
    event.data && kinds.includes(event.data.type) && Array.isArray(event.data.urls) ? event.data.urls : [];
  const own = urls.filter((url) => new URL(url, self.location.origin).origin === self.location.origin);
  event.waitUntil(
    caches.open(CACHE).then((cache) => Promise.all(own.map((url) => cache.add(url).catch(() => undefined)))),
  );
});

const networkFirst = async (request, cacheKey, timeoutMs) => {
  const cache = await caches.open(CACHE);
  try {
    const network = fetch(request);
    const response = await (timeoutMs
      ? Promise.race([
          network,
          new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), timeoutMs)),
        ])
      : network);
    if (response.ok) await cache.put(cacheKey, response.clone());
    return response;
  } catch (error) {
    const cached = await cache.match(cacheKey);
    if (cached) return cached;
    throw error;
  }
};

const cacheFirst = async (request) => {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
};

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (url.pathname === KEYS) {
    event.respondWith(networkFirst(request, KEYS));
    return;
  }
  if (url.pathname.startsWith('/api/')) return;
  // pages: the single-page app's shell, fresh when the network answers within a few seconds
  if (request.mode === 'navigate') {
    event.respondWith(networkFirst(request, SHELL, 4000));
    return;
  }
  if (url.pathname.startsWith('/assets/') || url.pathname === '/favicon.svg')
    event.respondWith(cacheFirst(request));
});
