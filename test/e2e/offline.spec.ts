// Offline and any host: after one visit the service worker has precached everything, so a lab
// never opened before boots offline; the site works from a sub-path; opened from file:// it says
// how to serve the folder (its inline script allowed by the CSP hash); installable (manifest).
import { createServer, type Server } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { typeLine, waitForTerminal, watchConsole } from './helpers';

const BOOT_MS = 60_000;
const root = resolve(import.meta.dirname, '..', '..');
const outDir = resolve(root, 'src', process.env.E2E_OUTDIR ?? '../dist');
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.wasm': 'application/wasm', '.svg': 'image/svg+xml', '.png': 'image/png', '.webmanifest': 'application/manifest+json', '.json': 'application/json' };

test('after one visit, a lab never opened before boots offline and runs a command', async ({ page, context }) => {
  test.setTimeout(180_000);
  const problems = watchConsole(page);
  await page.goto('./?testhooks#/');
  await expect(page.locator('[data-lab]').first()).toBeVisible({ timeout: BOOT_MS });
  // The service worker registers shortly after load and is active once everything is precached.
  await page.evaluate(async () => {
    const reg = await navigator.serviceWorker.ready;
    if (reg.active?.state !== 'activated') await new Promise((r) => reg.active!.addEventListener('statechange', r));
  });
  await expect(page.getByTestId('offline-ready')).toBeVisible({ timeout: 30_000 });

  await context.setOffline(true);
  await page.goto('./?testhooks#/lab/c2-grow-repository');
  await waitForTerminal(page, (t) => /\]#$/.test(t), BOOT_MS);
  await typeLine(page, 'echo offline-ok');
  await waitForTerminal(page, (t) => /echo offline-ok\noffline-ok\n\[root@\S+ ~\]#$/.test(t), 30_000);
  // A full reload, still offline, is served by the service worker too (the scrollback is saved
  // once output settles, as in persistence.spec.ts: give it that moment on a busy machine).
  await page.waitForTimeout(1500);
  await page.reload();
  await waitForTerminal(page, (t) => /echo offline-ok\noffline-ok\n\[root@\S+ ~\]#$/.test(t), BOOT_MS);
  await context.setOffline(false);
  expect(problems.filter((p) => /Content Security Policy|Refused to/.test(p))).toEqual([]);
});

test('installable: the manifest names the app, its start page and its icons', async ({ page, request }) => {
  await page.goto('./#/');
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  expect(href).toBe('./manifest.webmanifest');
  const manifest = (await (await request.get(href!)).json()) as { name: string; start_url: string; display: string; icons: Array<{ src: string; sizes: string; purpose?: string }> };
  expect([manifest.name, manifest.start_url, manifest.display]).toEqual(['OVM Sandbox', './', 'standalone']);
  expect(manifest.icons.map((i) => `${i.src} ${i.sizes} ${i.purpose ?? 'any'}`)).toEqual(['icons/icon-192.png 192x192 any', 'icons/icon-512.png 512x512 any', 'icons/icon-512-maskable.png 512x512 maskable']);
  for (const icon of manifest.icons) expect((await request.get(icon.src)).status()).toBe(200);
});

test.describe('served from a sub-path', () => {
  let server: Server;
  let base = '';
  test.beforeAll(async () => {
    // A plain static server that serves the build under /training/ovm/ only.
    server = createServer((req, res) => {
      const path = decodeURIComponent(new URL(req.url!, 'http://x').pathname);
      const rel = path.startsWith('/training/ovm/') ? path.slice('/training/ovm/'.length) || 'index.html' : null;
      const file = rel === null ? null : join(outDir, rel);
      if (!file || !file.startsWith(outDir) || !existsSync(file)) {
        res.writeHead(404).end('not found');
        return;
      }
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const addr = server.address();
    base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}/training/ovm/`;
  });
  test.afterAll(() => new Promise<void>((r) => server.close(() => r())));

  test('the sandbox boots and runs a command under /training/ovm/', async ({ page }) => {
    test.setTimeout(120_000);
    const problems = watchConsole(page);
    await page.goto(`${base}?testhooks#/sandbox`);
    await waitForTerminal(page, (t) => t.endsWith('[root@ovs01 ~]#'), BOOT_MS);
    await typeLine(page, 'echo from-a-sub-path');
    await waitForTerminal(page, (t) => t.endsWith('echo from-a-sub-path\nfrom-a-sub-path\n[root@ovs01 ~]#'));
    expect(problems.filter((p) => !/favicon/.test(p))).toEqual([]);
  });
});

test('opened from file://, the page explains how to serve the folder (its script allowed by the CSP)', async ({ page }) => {
  const problems = watchConsole(page);
  await page.goto(`file://${join(outDir, 'index.html')}`);
  const notice = page.locator('#file-notice');
  await expect(notice).toBeVisible();
  await expect(notice.locator('h1')).toHaveText('OVM Sandbox needs a web address');
  await expect(notice.locator('pre')).toHaveText('python3 -m http.server 8000');
  expect(problems.filter((p) => /inline script/.test(p))).toEqual([]);
});
