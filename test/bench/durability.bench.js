// What strict durability costs in Chromium: one journal append (a transaction putting one
// entry, as the engine does per command) with durability 'relaxed' and 'strict', p50 and p95.
// Runs on any page of the served site (IndexedDB is per origin); the engine uses 'strict'.
export async function durabilityBench(browser, url) {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await page.goto(url);
  const figures = await page.evaluate(async () => {
    const db = await new Promise((resolve, reject) => {
      const req = indexedDB.open('ovm-durability-bench', 1);
      req.onupgradeneeded = () => req.result.createObjectStore('journal', { keyPath: ['attemptId', 'seq'] });
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const entry = (seq) => ({ attemptId: 'bench', seq, atMs: seq * 1000, session: 't1', host: 'ovs01', record: { kind: 'exec', line: `xm list # ${seq}` }, changed: false });
    const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.ceil((p / 100) * xs.length) - 1];
    const out = {};
    let seq = 0;
    for (const durability of ['relaxed', 'strict']) {
      const times = [];
      for (let i = 0; i < 200; i++) {
        const t0 = performance.now();
        await new Promise((resolve, reject) => {
          const tx = db.transaction('journal', 'readwrite', { durability });
          tx.objectStore('journal').put(entry(seq++));
          tx.oncomplete = resolve;
          tx.onerror = () => reject(tx.error);
        });
        times.push(performance.now() - t0);
      }
      out[`journalAppend_${durability}_p50Ms`] = Math.round(pct(times, 50) * 100) / 100;
      out[`journalAppend_${durability}_p95Ms`] = Math.round(pct(times, 95) * 100) / 100;
    }
    db.close();
    return out;
  });
  await ctx.close();
  return figures;
}
