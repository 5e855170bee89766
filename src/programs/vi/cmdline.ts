// vi's command line: typing after `:`, `/` or `?`, then running it as an ex command (ex.ts)
// or a search (search.ts) on Enter.
import { runEx, type ExEnv } from './ex';
import { loadFile, quit, writeBuffer } from './files';
import { search } from './search';
import { STYLE } from './view';
import type { Key } from '../keys';
import type { ViState } from './state';

/** Opens the command line for `:`, `/` or `?`. */
export function openCmdline(s: ViState, kind: string): void {
  s.mode = 'cmdline';
  s.cmdKind = kind;
  s.cmdline = '';
  s.msg = null;
}

export function cmdlineKey(s: ViState, key: Key): void {
  if (key.kind === 'text') {
    s.cmdline += key.text;
    return;
  }
  const cancel = (key.kind === 'special' && key.name === 'escape') || (key.kind === 'ctrl' && key.char === 'c');
  if (cancel) {
    s.mode = 'normal';
    return;
  }
  if (key.kind === 'special' && key.name === 'backspace') {
    if (!s.cmdline) s.mode = 'normal';
    else s.cmdline = s.cmdline.slice(0, -1);
    return;
  }
  if (key.kind === 'ctrl' && key.char === 'u') {
    s.cmdline = '';
    return;
  }
  if (key.kind === 'special' && key.name === 'enter') {
    s.mode = 'normal';
    const text = s.cmdline;
    if (s.cmdKind === ':') {
      // vim leaves the command on the command line unless it printed something else.
      s.msg = { text: ':' + text };
      runEx(exEnv(s), text);
    } else {
      // An empty pattern repeats the last one, in the new direction.
      const pattern = text || s.lastSearch?.pattern;
      if (!pattern) return s.error('E35: No previous regular expression');
      s.lastSearch = { pattern, forward: s.cmdKind === '/' };
      search(s, pattern, s.cmdKind === '/', 1);
    }
    s.buf.clamp(false);
  }
}

/** What an ex command may do to the session, so ex.ts needs no vi internals. */
function exEnv(s: ViState): ExEnv {
  return {
    buf: s.buf,
    view: s.view,
    write: (name, force) => writeBuffer(s, name, force),
    quit: () => quit(s),
    message: (text, style) => (s.msg = { text, ...(style && { style: style === 'error' ? STYLE.error : STYLE.warning }) }),
    reload: () => loadFile(s, false),
  };
}
