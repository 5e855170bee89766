// Mounts the app. The engine's worker is spawned first (early-worker.ts), before the page's own
// modules run, so the two load in parallel.
import './worker/early-worker';
import { mount } from 'svelte';
import App from './ui/App.svelte';
import './ui/global.css';

mount(App, { target: document.getElementById('app')! });
