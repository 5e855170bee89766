// Finds a Chromium for Playwright: CHROMIUM_PATH, Debian's /usr/bin/chromium, or Playwright's own.
// Prints one line on how to get one when there is none, and exits non-zero.
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

export function findBrowser() {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  for (const c of candidates) if (c && existsSync(c)) return c;
  try {
    const own = chromium.executablePath();
    if (own && existsSync(own)) return own;
  } catch {
    // Playwright has no browser of its own installed.
  }
  return null;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (!findBrowser()) {
    console.error('No Chromium found: install one (Debian: apt-get install -y chromium) or set CHROMIUM_PATH=/path/to/chromium.');
    process.exit(1);
  }
}
