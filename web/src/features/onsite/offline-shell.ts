// The app's service worker (web/public/sw.js) keeps the app shell and its hashed assets; this hands it what
// the on-site page already loaded, so the record reopens without network in a plant or underground.
export const keepAppOffline = (): void => {
  if (import.meta.env.DEV || !('serviceWorker' in navigator) || !window.isSecureContext) return;
  navigator.serviceWorker
    .register('/sw.js')
    .then(() => navigator.serviceWorker.ready)
    .then((registration) => {
      const urls = performance
        .getEntriesByType('resource')
        .map((entry) => entry.name)
        .filter(
          (name) =>
            new URL(name).origin === window.location.origin && new URL(name).pathname.startsWith('/assets/'),
        );
      registration.active?.postMessage({ type: 'precache', urls });
    })
    .catch(() => undefined);
};
