// Vite plugin: compiles the AssemblyScript core (asm/) with asc before every build, dev server
// and vitest run, and again when an asm/ file changes in dev. A compile error fails the build
// with asc's own message.
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';
import type { Plugin } from 'vite';

const asmDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const config = resolve(asmDir, 'asconfig.json');

/** One compile per process and target: vite build, vitest workers and dev share the promise. */
const compiled = new Map<string, Promise<void>>();

export async function compileCore(target: 'release' | 'debug' = 'release'): Promise<void> {
  const asc = await import('assemblyscript/asc');
  let stderrText = '';
  const stderr = { write: (s: string | Uint8Array) => ((stderrText += String(s)), true) };
  const { error } = await asc.main(['--config', config, '--target', target], { stderr, stdout: stderr });
  if (error) throw new Error(`AssemblyScript compile failed (asm/, target ${target}):\n${stderrText || error.message}`);
}

export function ascPlugin(): Plugin {
  return {
    name: 'ovm-asc',
    async buildStart() {
      for (const target of ['release', 'debug'] as const) {
        if (!compiled.has(target)) compiled.set(target, compileCore(target));
        await compiled.get(target);
      }
    },
    async handleHotUpdate({ file, server }) {
      if (!file.startsWith(asmDir) || !file.endsWith('.ts') || file.includes('/tooling/')) return;
      try {
        await compileCore('release');
        await compileCore('debug');
        server.ws.send({ type: 'full-reload' });
      } catch (e) {
        server.config.logger.error(String(e));
      }
      return [];
    },
  };
}
