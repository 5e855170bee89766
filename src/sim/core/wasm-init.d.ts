// Vite's `?init` wasm import, typed without the DOM's WebAssembly declarations (the core
// compiles with no DOM lib).
declare module '*.wasm?init' {
  const init: (imports?: Record<string, Record<string, unknown>>) => Promise<{ exports: Record<string, unknown> }>;
  export default init;
}
