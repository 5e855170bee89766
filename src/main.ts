// Mounts the app. The engine's worker is spawned first (early-worker.ts), before the page's own
// modules run, so the two load in parallel.
import './worker/early-worker';
import { mount } from 'svelte';
import App from './ui/App.svelte';
import { engineState } from './ui/state/engine.svelte';
import { isSandboxPage } from './worker/sandbox-boot';
import './ui/global.css';

// The free sandbox's client asks the worker to boot before the app mounts: mounting is one long
// task, and the request (sent once this tab's lock on the attempt is granted, itself a task) would
// otherwise wait for it. Not waited for long: another tab holding the lock can take a moment.
const bootAsked = isSandboxPage(location.hash) ? engineState().client.started : Promise.resolve();
const mountApp = () => mount(App, { target: document.getElementById('app')! });
// In a task of its own either way: the worker spawned above starts only once the main thread
// yields (Chromium starts a worker's thread from a task after the current one).
void Promise.race([bootAsked, new Promise((r) => setTimeout(r, 50))]).then(() => setTimeout(mountApp, 0));
// The service worker (offline use) registers a moment after the page has loaded, so its precaching
// never competes with the first prompt for the network.
addEventListener('load', () => setTimeout(() => void import('./ui/pwa.svelte').then(({ pwa }) => pwa.start()), 1500), { once: true });
