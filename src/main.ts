// Mounts the app. The engine's worker is spawned first (early-worker.ts), before the page's own
// modules run, so the two load in parallel.
import './worker/early-worker';
import { mount } from 'svelte';
import App from './ui/App.svelte';
import './ui/global.css';

mount(App, { target: document.getElementById('app')! });
// The service worker (offline use) registers a moment after the page has loaded, so its precaching
// never competes with the first prompt for the network.
addEventListener('load', () => setTimeout(() => void import('./ui/pwa.svelte').then(({ pwa }) => pwa.start()), 1500), { once: true });
