// Factuurwacht's service worker: the app works offline and starts from the device.
//
// The build writes VERSION and FILES below (tools/postbuild.mjs): FILES lists every file of
// the build, relative to this script (so the same worker serves the app at "/" and under a
// sub-path), with its integrity hash. Customer data never passes through here: it lives in
// IndexedDB.
const VERSION = '__VERSION__';
const FILES = __FILES__;
const PREFIX = 'factuurwacht-';
const CACHE = PREFIX + VERSION;
const SHELL = new URL('index.html', self.registration.scope).href;
const PRECACHED = new Set(FILES.map(([f]) => new URL(f, self.registration.scope).href));
// A navigation waits this long for the network before the cached app answers: an update
// arrives on the next start when online, and a bad connection never blocks the start.
const NETWORK_WAIT_MS = 2500;

// Built files carry a content hash in their name: the copy the page just downloaded is the
// right one, so the first visit does not fetch it twice. Unhashed files (index.html, the
// manifest) are fetched fresh, so an old copy in the HTTP cache can never be precached.
const HASHED = /-[0-9a-f]{16}(_bg)?\.[a-z]+$/;

self.addEventListener('install', (event) => {
  // The new version waits until the user chooses to reload (or every tab is closed), so a
  // running page never meets files of another version. A file that is not exactly the one
  // this build listed (cut short, or from a newer deployment) fails the whole install: the
  // version in use stays, and the browser tries again on a later start.
  const requests = FILES.map(
    ([f, integrity]) => new Request(f, { cache: HASHED.test(f) ? 'default' : 'reload', integrity }),
  );
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(requests))
      // A failed install leaves no half-filled cache behind to take up the device's space.
      .catch((error) => caches.delete(CACHE).then(() => Promise.reject(error))),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith(PREFIX) && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
  // A page asks which version this worker brings, to know whether it runs it already.
  else if (event.data === 'version?') event.source?.postMessage({ version: VERSION });
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || !request.url.startsWith(self.registration.scope)) return;
  if (request.mode === 'navigate') {
    event.respondWith(navigation());
  } else if (PRECACHED.has(request.url)) {
    event.respondWith(caches.match(request.url).then((hit) => hit ?? fetch(request)));
  }
});

/**
 * Any page of the app: index.html from the network if it answers soon, else the cached one.
 * The app's own index.html is fetched, never the page's URL: the path and query (an invoice
 * id, a search term) stay on the device.
 */
async function navigation() {
  const cached = caches.match(SHELL);
  try {
    const response = await Promise.race([
      fetch(SHELL, { cache: 'no-cache' }),
      new Promise((_, reject) => setTimeout(() => reject(new Error('slow network')), NETWORK_WAIT_MS)),
    ]);
    return response.ok ? response : ((await cached) ?? response);
  } catch {
    return (await cached) ?? Response.error();
  }
}
