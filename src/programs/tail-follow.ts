// `tail -f`: after the last lines are shown, follows the file on the simulation clock and
// prints what was appended, until Ctrl-C. Log rotation/truncation is reported as GNU tail does.
import { lookup } from '../sim/vfs';
import { hostOf } from './file-io';
import type { Program, ProgramFactory } from './program';
import type { FileArg } from './file-io';

/**
 * The program part of `tail -f FILE...`; the command prints the initial lines itself and then
 * returns `program: tailFollow(files)`. With headers (several files, or -v), output from another
 * file than the last one printed gets a `==> name <==` header, as GNU tail prints it.
 */
export function tailFollow(files: readonly FileArg[], opts: { headers?: boolean; lastShown?: string } = {}): ProgramFactory {
  const headers = opts.headers ?? files.length > 1;
  const lastShown = opts.lastShown;
  return (host) => {
    const world = host.sim.world;
    const h = hostOf(host);
    const read = (f: FileArg): string | null => {
      const n = lookup(world, h, f.path);
      return n.ok && n.value.type === 'file' ? n.value.content : null;
    };
    const seen = files.map((f) => read(f) ?? '');
    let current = lastShown ?? files[files.length - 1]?.display;
    let done = false;
    const out = (text: string) => host.write(text.replace(/\r?\n/g, '\r\n'));
    return {
      signalsOnly: true,
      onInput(data) {
        if (done || !data.includes('\x03')) return;
        done = true;
        host.write('^C\r\n');
        host.exit(130);
      },
      onTick() {
        if (done) return;
        files.forEach((f, i) => {
          const now = read(f);
          if (now === null) return;
          const before = seen[i]!;
          if (now === before) return;
          let added: string;
          if (now.startsWith(before)) added = now.slice(before.length);
          else {
            // The log was trimmed at the front (bounded logs) or truncated: find where we were.
            const tail = before.slice(-256);
            const at = tail ? now.lastIndexOf(tail) : -1;
            if (at >= 0) added = now.slice(at + tail.length);
            else {
              out(`tail: ${f.display}: file truncated\n`);
              added = now;
            }
          }
          seen[i] = now;
          if (!added) return;
          if (headers && current !== f.display) {
            out(`\n==> ${f.display} <==\n`);
            current = f.display;
          }
          out(added);
        });
      },
    } satisfies Program;
  };
}
