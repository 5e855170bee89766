// vi's file commands: reading the file into the buffer, `:w` writing it back into the host's
// VFS, quitting, and Ctrl-G's file info, each with vim's message.
import { normalizePath } from '../../sim/vfs';
import { byteLength, errorText, openFile, saveFile, splitLines } from '../file-io';
import { ViBuffer } from './buffer';
import type { ViState } from './state';

/** Reads the file into a fresh buffer; `first` is the initial load, else `:e!` (cursor to column 0). */
export function loadFile(s: ViState, first: boolean): void {
  const f = s.file;
  if (!f) {
    s.buf = new ViBuffer(['']);
    return;
  }
  const opened = openFile(s.host, f.path);
  const name = `"${f.display}"`;
  if (opened.kind === 'file') {
    const { lines, eol } = splitLines(opened.content);
    s.buf = new ViBuffer(lines);
    s.eol = eol;
    const n = opened.content === '' ? 0 : lines.length;
    s.info(`${name} ${eol ? '' : '[noeol] '}${n}L, ${byteLength(opened.content)}C`);
  } else if (opened.kind === 'new') {
    s.buf = new ViBuffer(['']);
    s.info(`${name} ${opened.dirMissing ? '[New DIRECTORY]' : '[New File]'}`);
  } else if (opened.kind === 'dir') {
    s.buf = new ViBuffer(['']);
    s.info(`${name} is a directory`);
  } else {
    s.buf = new ViBuffer(['']);
    s.info(`${name} [${errorText(opened.error)}]`);
  }
  if (!first) s.buf.cx = 0;
}

/** `:w [name]`: writes the buffer into the VFS with vim's message; false if it could not. */
export function writeBuffer(s: ViState, name: string | undefined, _force: boolean): boolean {
  let target = s.file;
  if (name) {
    target = { path: normalizePath(name, s.cwd), display: name };
  }
  if (!target) {
    s.error('E32: No file name');
    return false;
  }
  const b = s.buf;
  const empty = b.lines.length === 1 && b.lines[0] === '';
  const content = empty ? '' : b.lines.join('\n') + (s.eol ? '\n' : '');
  const saved = saveFile(s.host, target.path, content);
  const quoted = `"${target.display}"`;
  if (!saved.ok) {
    s.error(saved.error === 'EISDIR' ? `E502: ${quoted} is a directory` : `${quoted} E212: Can't open file for writing`);
    return false;
  }
  // Writing an unnamed buffer gives it the name; writing to another name does not mark it saved.
  if (!s.file) s.file = target;
  if (target === s.file || target.path === s.file.path) b.markSaved();
  const lines = empty ? 0 : b.lines.length;
  s.msg = { text: `${quoted} ${saved.created ? '[New] ' : ''}${s.eol ? '' : '[noeol] '}${lines}L, ${byteLength(content)}C written` };
  return true;
}

/** Leaves the alternate screen and hands the terminal back to the shell. */
export function quit(s: ViState): void {
  s.done = true;
  s.host.write(s.screen.leave());
  s.host.exit(0);
}

/** Ctrl-G: name, modified flag, line, percentage and column. */
export function fileInfo(s: ViState): void {
  const b = s.buf;
  const name = s.file ? `"${s.file.display}"` : '"[No Name]"';
  const pct = Math.floor(((b.cy + 1) * 100) / b.lines.length);
  s.msg = { text: `${name}${b.modified ? ' [Modified]' : ''} line ${b.cy + 1} of ${b.lines.length} --${pct}%-- col ${b.cx + 1}` };
}
