// `more` (util-linux 2.17): pages through text on the normal screen. The first screenful is
// printed at once; `--More--(NN%)` waits for Space (a page), Enter (a line), /pattern, q.
// It ends by itself at the end of the text, leaving what it showed in the scrollback.
import { decodeKeys } from './keys';
import { displayText } from './screen';
import type { Program, ProgramFactory } from './program';

const REV_ON = '\x1b[7m';
const REV_OFF = '\x1b[27m';

/** Folded display rows of the text (more folds long lines at the width). */
export function moreRows(text: string, cols: number): string[] {
  const body = text.endsWith('\n') ? text.slice(0, -1) : text;
  if (body === '') return [];
  const rows: string[] = [];
  for (const line of body.split('\n')) {
    const shown = displayText(line);
    if (!shown.length) rows.push('');
    for (let k = 0; k < shown.length; k += cols) rows.push(shown.slice(k, k + cols));
  }
  return rows;
}

/**
 * The pager after the first screen, which the command prints itself. `shown` rows are already on
 * the screen; `percentOf` gives the prompt's percentage (files only; null for a pipe).
 */
export function moreProgram(rows: readonly string[], shown: number, totalBytes: number | null): ProgramFactory {
  return (host) => {
    let pos = shown;
    let done = false;
    let input: string | null = null;
    const page = Math.max(1, host.rows - 1);
    const bytesUpTo = (n: number) => rows.slice(0, n).reduce((a, r) => a + r.length + 1, 0);
    const prompt = () => {
      const pct = totalBytes ? `(${Math.min(100, Math.floor((bytesUpTo(pos) * 100) / totalBytes))}%)` : '';
      host.write(`${REV_ON}--More--${pct}${REV_OFF}`);
    };
    // more erases its prompt with CR and spaces before printing on.
    const erase = () => host.write('\r\x1b[K');
    const show = (n: number) => {
      erase();
      const next = rows.slice(pos, pos + n);
      pos += next.length;
      host.write(next.map((r) => r + '\r\n').join(''));
      if (pos >= rows.length) {
        done = true;
        host.exit(0);
      } else prompt();
    };
    const finish = () => {
      done = true;
      erase();
      host.exit(0);
    };
    prompt();
    const program: Program = {
      onInput(data) {
        for (const key of decodeKeys(data)) {
          if (done) return;
          if (input !== null) {
            if (key.kind === 'text') {
              input += key.text;
              host.write(key.text);
            } else if (key.kind === 'special' && key.name === 'backspace' && input) {
              input = input.slice(0, -1);
              host.write('\b \b');
            } else if (key.kind === 'special' && key.name === 'enter') {
              const pattern = input;
              input = null;
              const at = rows.findIndex((r, i) => i >= pos && r.includes(pattern));
              if (at < 0) {
                erase();
                host.write(`${REV_ON}Pattern not found${REV_OFF}`);
                continue;
              }
              erase();
              host.write('\r\n...skipping\r\n');
              pos = Math.max(pos, at - 2);
              show(page);
            } else if (key.kind === 'ctrl' && key.char === 'c') finish();
            continue;
          }
          if (key.kind === 'ctrl' && (key.char === 'c' || key.char === 'd')) {
            if (key.char === 'c') return finish();
            show(Math.floor(page / 2));
            continue;
          }
          const k = key.kind === 'text' ? key.text : key.kind === 'special' ? key.name : '';
          for (const c of k.length > 1 && key.kind === 'text' ? [...k] : [k]) {
            if (done || input !== null) break;
            if (c === 'q' || c === 'Q') return finish();
            if (c === ' ' || c === 'f' || c === 'z') show(page);
            else if (c === 'enter' || c === 'down') show(1);
            else if (c === 'd') show(Math.floor(page / 2));
            else if (c === '/') {
              erase();
              host.write('/');
              input = '';
            }
          }
        }
      },
    };
    return program;
  };
}
