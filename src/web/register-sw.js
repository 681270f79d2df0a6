// Registers the service worker that keeps Dateline working offline after the
// first visit (sw.js, generated at build time by scripts/postbuild.mjs).
// Not over file:// (the single-file edition), where service workers don't run.
if ('serviceWorker' in navigator && location.protocol.startsWith('http')) {
  addEventListener('load', () => {
    navigator.serviceWorker.register('./sw.js').catch((e) => console.warn('Dateline: offline mode unavailable:', e));
  });
}
