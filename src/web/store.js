// Dateline's IndexedDB access, as promises (see src/storage.rs): one database,
// object stores `articles` (the user's articles) and `results` (the engine's
// results, by engine version and article hash). Values are JSON strings.
// A failed request rejects with the DOM error's name (`QuotaExceededError`).
(() => {
  let db;
  const open = () =>
    (db ??= new Promise((ok, fail) => {
      const r = indexedDB.open('dateline', 1);
      r.onupgradeneeded = () => ['articles', 'results'].forEach((s) => r.result.createObjectStore(s));
      r.onsuccess = () => ok(r.result);
      r.onerror = () => fail(r.error);
    }));
  const name = (e) => (e && e.name) || String(e);
  // Runs `work` on store `s` in one transaction; once it has committed,
  // resolves with what the function `work` returned gives.
  const run = (s, mode, work) =>
    open()
      .then(
        (d) =>
          new Promise((ok, fail) => {
            const t = d.transaction(s, mode);
            const result = work(t.objectStore(s));
            t.oncomplete = () => ok(result());
            t.onerror = t.onabort = () => fail(t.error || new DOMException('aborted', 'AbortError'));
          }),
      )
      .catch((e) => Promise.reject(name(e)));
  const none = () => undefined;
  self.datelineStore = {
    // [keys, values], in key order.
    all: (s) =>
      run(s, 'readonly', (o) => {
        const k = o.getAllKeys();
        const v = o.getAll();
        return () => [k.result, v.result];
      }),
    // The values of `keys` (undefined where there is none).
    getMany: (s, keys) =>
      run(s, 'readonly', (o) => {
        const r = keys.map((k) => o.get(k));
        return () => r.map((q) => q.result);
      }),
    // Deletes every record whose key is not in `keep`.
    prune: (s, keep) =>
      run(s, 'readwrite', (o) => {
        const k = new Set(keep);
        o.getAllKeys().onsuccess = (e) => e.target.result.forEach((x) => k.has(x) || o.delete(x));
        return none;
      }),
    put: (s, k, v) => run(s, 'readwrite', (o) => (o.put(v, k), none)),
    del: (s, k) => run(s, 'readwrite', (o) => (o.delete(k), none)),
    persist: () => Promise.resolve(navigator.storage?.persist?.()).catch(() => false),
  };
})();
