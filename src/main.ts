// Mounts the app. The engine's worker is spawned first (early-worker.ts), before the page's own
// modules run, so the two load in parallel.
import './worker/early-worker';
import { mount } from 'svelte';
import App from './ui/App.svelte';
import { engineState } from './ui/state/engine.svelte';
import './ui/global.css';

// The free sandbox's client asks the worker to boot now: the worker boots while the app mounts,
// instead of waiting for the page to ask once it has mounted.
if (/^#\/sandbox\/?$/.test(location.hash)) engineState();
// In a task of its own: the worker spawned above starts only once the main thread yields (Chromium
// starts a worker's thread from a task after the current one), so it loads its code while the app mounts.
setTimeout(() => mount(App, { target: document.getElementById('app')! }), 0);
// The service worker (offline use) registers a moment after the page has loaded, so its precaching
// never competes with the first prompt for the network.
addEventListener('load', () => setTimeout(() => void import('./ui/pwa.svelte').then(({ pwa }) => pwa.start()), 1500), { once: true });
