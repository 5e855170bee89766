// Mounts the app (loaded by main.ts). On the pages that run the engine its worker was spawned by the
// page's first script (worker/early-spawn.ts) and is loading meanwhile; the sandbox's boots by itself.
import './worker/early-worker';
import { mount } from 'svelte';
import App from './ui/App.svelte';
import { engineState } from './ui/state/engine.svelte';
import { isSandboxPage } from './worker/sandbox-boot';
import { discardEarlyTerminal } from './ui/terminal/early-terminal';

// The sandbox's client claims the attempt's lock before the mount (one long task), so that its
// worker, which looks for that lock, can boot while the page mounts.
if (isSandboxPage(location.hash)) engineState();
mount(App, { target: document.getElementById('app')! });
// A terminal drawn before the app that its sandbox page did not take (the learner went elsewhere).
requestAnimationFrame(discardEarlyTerminal);
// The service worker (offline use) registers a moment after the page has loaded, so its precaching
// never competes with the first prompt for the network; its banner (offline ready, an update to
// take) comes with it, outside the page's first bytes (a toast: it takes no room from the page).
const startOffline = async () => {
  const [{ pwa }, { default: UpdateBanner }] = await Promise.all([import('./ui/pwa.svelte'), import('./ui/components/UpdateBanner.svelte')]);
  pwa.start();
  mount(UpdateBanner, { target: document.body });
};
if (document.readyState === 'complete') setTimeout(() => void startOffline(), 1500);
else addEventListener('load', () => setTimeout(() => void startOffline(), 1500), { once: true });
