// Vite's import.meta.glob, for the DOM-free core tsconfig (which has no vite/client types).
// Declared with the very type vite/client uses, so both tsconfigs accept it.
interface ImportMeta {
  glob: import('vite/types/importGlob.d.ts').ImportGlobFunction;
}
