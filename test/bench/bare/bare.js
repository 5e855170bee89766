// The start-up baseline (test/bench/startup.bench.js): the same xterm.js and fit addon as the app,
// opened the same way, writing a prompt at once. Nothing else: no app, no worker, no storage.
import { Terminal } from '@xterm/xterm';
import { FitAddon } from '@xterm/addon-fit';
import '@xterm/xterm/css/xterm.css';

const term = new Terminal({ cursorBlink: true, fontFamily: '"DejaVu Sans Mono", "Liberation Mono", Menlo, Consolas, monospace', fontSize: 14, lineHeight: 1.15, scrollback: 5000 });
const fit = new FitAddon();
term.loadAddon(fit);
term.open(document.getElementById('t'));
fit.fit();
window.__term = term;
term.write('[root@ovs01 ~]# ');
