// Builds the bare xterm.js page (the start-up baseline) with relative URLs, beside the app's build.
export default { root: import.meta.dirname, base: './', logLevel: 'error', build: { target: 'es2022', emptyOutDir: true } };
