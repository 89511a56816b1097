// Offline check-in verification: the service worker (public/sw.js) keeps the app shell, the assets this page
// loaded and the signing keys, so a phone that opened the portal or a code page before can check a code in a
// plant without network.
export const prepareOfflineVerification = async (): Promise<void> => {
  if (import.meta.env.DEV || !('serviceWorker' in navigator) || !window.isSecureContext) return;
  try {
    await navigator.serviceWorker.register('/sw.js');
    // the code page itself, so a portal visit leaves it ready
    await import('./public-checkin-page');
    const ready = await navigator.serviceWorker.ready;
    const urls = performance
      .getEntriesByType('resource')
      .map((entry) => entry.name)
      .filter((name) => new URL(name).pathname.startsWith('/assets/'));
    ready.active?.postMessage({ type: 'precache', urls });
  } catch {
    // no service worker (private mode, old browser): verification still works online
  }
};
