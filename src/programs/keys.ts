// Splits raw terminal input into keys: printable runs, control characters, escape sequences
// (CSI/SS3/Alt-x) and bracketed pastes. DOM-free; works on whatever xterm.js sends.

export type Key =
  | { kind: 'text'; text: string }
  | { kind: 'ctrl'; char: string } // 'a'..'z' for Ctrl-A..Ctrl-Z, '?' for DEL
  | { kind: 'special'; name: SpecialKey }
  | { kind: 'alt'; char: string }
  | { kind: 'paste'; text: string };

export type SpecialKey = 'up' | 'down' | 'left' | 'right' | 'home' | 'end' | 'delete' | 'insert' | 'pageup' | 'pagedown' | 'enter' | 'tab' | 'backspace' | 'escape' | 'word-left' | 'word-right' | 'unknown';

const CSI_FINAL: Record<string, SpecialKey> = { A: 'up', B: 'down', C: 'right', D: 'left', H: 'home', F: 'end' };
const CSI_TILDE: Record<string, SpecialKey> = { '1': 'home', '7': 'home', '4': 'end', '8': 'end', '3': 'delete', '2': 'insert', '5': 'pageup', '6': 'pagedown' };

const PASTE_START = '\x1b[200~';
const PASTE_END = '\x1b[201~';

export function decodeKeys(data: string): Key[] {
  const keys: Key[] = [];
  let i = 0;
  let text = '';
  const flush = () => {
    if (text) keys.push({ kind: 'text', text });
    text = '';
  };
  while (i < data.length) {
    const c = data[i]!;
    const code = c.charCodeAt(0);
    if (data.startsWith(PASTE_START, i)) {
      flush();
      const end = data.indexOf(PASTE_END, i + PASTE_START.length);
      const stop = end < 0 ? data.length : end;
      keys.push({ kind: 'paste', text: data.slice(i + PASTE_START.length, stop) });
      i = end < 0 ? data.length : end + PASTE_END.length;
      continue;
    }
    if (c === '\x1b') {
      flush();
      const [key, len] = decodeEscape(data, i);
      keys.push(key);
      i += len;
      continue;
    }
    if (c === '\r' || c === '\n') {
      flush();
      keys.push({ kind: 'special', name: 'enter' });
      // A CR LF pair is one Enter.
      i += c === '\r' && data[i + 1] === '\n' ? 2 : 1;
      continue;
    }
    if (c === '\t') {
      flush();
      keys.push({ kind: 'special', name: 'tab' });
    } else if (code === 0x7f || code === 0x08) {
      flush();
      keys.push({ kind: 'special', name: 'backspace' });
    } else if (code < 0x20) {
      flush();
      keys.push({ kind: 'ctrl', char: String.fromCharCode(code + 0x60) });
    } else text += c;
    i++;
  }
  flush();
  return keys;
}

function decodeEscape(data: string, i: number): [Key, number] {
  const next = data[i + 1];
  if (next === undefined) return [{ kind: 'special', name: 'escape' }, 1];
  if (next === '[' || next === 'O') {
    let j = i + 2;
    while (j < data.length && /[0-9;]/.test(data[j]!)) j++;
    const final = data[j];
    if (final === undefined) return [{ kind: 'special', name: 'unknown' }, j - i];
    const params = data.slice(i + 2, j);
    const len = j - i + 1;
    if (final === '~') return [{ kind: 'special', name: CSI_TILDE[params.split(';')[0]!] ?? 'unknown' }, len];
    // Ctrl- or Alt-arrows (`ESC [1;5D`, `ESC [1;3C`) move by words, as in readline's default bindings.
    const mod = params.split(';')[1];
    if ((mod === '5' || mod === '3') && (final === 'C' || final === 'D')) return [{ kind: 'special', name: final === 'C' ? 'word-right' : 'word-left' }, len];
    return [{ kind: 'special', name: CSI_FINAL[final] ?? 'unknown' }, len];
  }
  if (next === '\x7f') return [{ kind: 'alt', char: '\x7f' }, 2];
  return [{ kind: 'alt', char: next }, 2];
}
