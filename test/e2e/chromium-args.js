// Chromium flags that work on our machines (TOOLCHAIN.md): without the background-networking
// flags Chromium floods the closed network with refused connections.
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
