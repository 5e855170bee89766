/// <reference types="vite-plugin-pwa/vanillajs" />
// The service worker (vite-plugin-pwa, Workbox): registered after the page is up, so the first
// prompt never waits for it. A new version is offered (UpdateBanner), never applied by itself.
class Pwa {
  /** A new version is installed and waits for the learner's go-ahead. */
  needRefresh = $state(false);
  /** Everything is cached: the site now works offline. */
  offlineReady = $state(false);
  private update: ((reload?: boolean) => Promise<void>) | null = null;

  async start(): Promise<void> {
    // file:// and sandboxed frames have no service workers; a dev server serves no worker script.
    if (!('serviceWorker' in navigator) || !/^https?:$/.test(location.protocol) || import.meta.env.DEV) return;
    const { registerSW } = await import('virtual:pwa-register');
    this.update = registerSW({
      immediate: true, // the page has loaded already (app.ts waits for it)
      onNeedRefresh: () => (this.needRefresh = true),
      onOfflineReady: () => (this.offlineReady = true),
    });
  }

  /** Activates the waiting version and reloads (the learner's work is saved; the journal replays). */
  async apply(): Promise<void> {
    await this.update?.(true);
  }

  dismiss(): void {
    this.needRefresh = false;
    this.offlineReady = false;
  }
}

export const pwa = new Pwa();
