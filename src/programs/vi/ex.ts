// vi's `:` command line (ex commands): :w :q :wq :x :q! :set nu, :N, :s///, with vim 7's
// messages and error numbers. Works on an ExEnv that cmdline.ts provides.
import type { ViBuffer } from './buffer';
import type { ViewState } from './view';
import { vimRegex } from './regex';

export interface ExEnv {
  buf: ViBuffer;
  view: ViewState;
  /** Writes the buffer (to `name` when given); false and a message on failure. */
  write(name: string | undefined, force: boolean): boolean;
  quit(): void;
  message(text: string, style?: 'error' | 'warning'): void;
  /** Re-reads the file, dropping changes (`:e!`). */
  reload(): void;
}

const E37 = 'E37: No write since last change (add ! to override)';

export function runEx(env: ExEnv, input: string): void {
  const line = input.replace(/^[\s:]+/, '');
  if (!line) return;
  const { buf } = env;
  // A bare line number (or $) moves the cursor.
  if (/^(\d+|\$)$/.test(line)) {
    const n = line === '$' ? buf.lines.length : Number(line);
    buf.cy = Math.max(0, Math.min(buf.lines.length - 1, n - 1));
    buf.cx = firstNonBlankOf(buf.line);
    return;
  }
  const sub = /^(%|\d+,\d+|\d+|\.|)s(.)(.*)$/.exec(line);
  if (sub && /[/#|,;:]/.test(sub[2]!)) return substitute(env, sub[1]!, sub[2]!, sub[3]!);

  const m = /^([a-zA-Z]+)(!?)\s*(.*)$/.exec(line);
  if (!m) return env.message(`E492: Not an editor command: ${line}`, 'error');
  const [, cmd, bang, arg] = m as unknown as [string, string, string, string];
  const force = bang === '!';
  switch (cmd) {
    case 'w':
    case 'write':
      env.write(arg || undefined, force);
      return;
    case 'wq':
    case 'x':
    case 'xit':
    case 'exit':
      if ((cmd === 'wq' || buf.modified || arg) && !env.write(arg || undefined, force)) return;
      env.quit();
      return;
    case 'q':
    case 'quit':
    case 'qa':
    case 'qall':
      if (buf.modified && !force) return env.message(E37, 'error');
      env.quit();
      return;
    case 'wqa':
    case 'wqall':
    case 'xa':
    case 'xall':
      if (!env.write(undefined, force)) return;
      env.quit();
      return;
    case 'e':
    case 'edit':
      if (force) return env.reload();
      if (buf.modified) return env.message(E37, 'error');
      return env.reload();
    case 'set':
    case 'se':
      return setOption(env, arg);
    case 'h':
    case 'help':
      return env.message('E149: Sorry, no help for help.txt', 'error');
    default:
      return env.message(`E492: Not an editor command: ${line}`, 'error');
  }
}

function setOption(env: ExEnv, arg: string): void {
  for (const opt of arg.split(/\s+/).filter(Boolean)) {
    const name = opt.replace(/[!?]$/, '');
    if (opt.endsWith('?') && (name === 'nu' || name === 'number')) env.message(env.view.number ? '  number' : 'nonumber');
    else if (name === 'nu' || name === 'number') env.view.number = opt.endsWith('!') ? !env.view.number : true;
    else if (name === 'nonu' || name === 'nonumber') env.view.number = false;
    else if (name === 'invnu' || name === 'invnumber') env.view.number = !env.view.number;
    else if (['ic', 'ignorecase', 'noic', 'hls', 'hlsearch', 'nohls', 'ai', 'autoindent', 'noai', 'list', 'nolist', 'ruler', 'noruler'].includes(name)) continue;
    else return env.message(`E518: Unknown option: ${opt}`, 'error');
  }
}

function substitute(env: ExEnv, range: string, delim: string, rest: string): void {
  const { buf } = env;
  const parts = splitUnescaped(rest, delim);
  const [pattern = '', replacement = '', flags = ''] = parts;
  let from = buf.cy;
  let to = buf.cy;
  if (range === '%') [from, to] = [0, buf.lines.length - 1];
  else if (/^\d+,\d+$/.test(range)) {
    const [a, b] = range.split(',').map(Number) as [number, number];
    [from, to] = [Math.max(0, a - 1), Math.min(buf.lines.length - 1, b - 1)];
    if (from > to) [from, to] = [to, from];
  } else if (/^\d+$/.test(range)) from = to = Math.min(buf.lines.length - 1, Number(range) - 1);
  const re = vimRegex(pattern, flags.includes('g'));
  if (!re) return env.message(`E486: Pattern not found: ${pattern}`, 'error');
  let subs = 0;
  let linesChanged = 0;
  const next = [...buf.lines];
  let lastLine = -1;
  for (let i = from; i <= to; i++) {
    const line = next[i]!;
    re.lastIndex = 0;
    if (!re.test(line)) continue;
    re.lastIndex = 0;
    let count = 0;
    next[i] = line.replace(re, () => (count++, replacement.replace(/\\\//g, '/')));
    subs += count;
    linesChanged++;
    lastLine = i;
  }
  if (!subs) return env.message(`E486: Pattern not found: ${pattern}`, 'error');
  buf.checkpoint(0);
  buf.lines = next;
  buf.cy = lastLine;
  buf.cx = firstNonBlankOf(buf.line);
  if (subs > 2) env.message(`${subs} substitution${subs === 1 ? '' : 's'} on ${linesChanged} line${linesChanged === 1 ? '' : 's'}`);
}

function splitUnescaped(s: string, delim: string): string[] {
  const out: string[] = [];
  let cur = '';
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '\\' && s[i + 1] === delim) {
      cur += delim;
      i++;
    } else if (s[i] === delim) {
      out.push(cur);
      cur = '';
    } else cur += s[i];
  }
  out.push(cur);
  return out;
}

function firstNonBlankOf(line: string): number {
  const m = /\S/.exec(line);
  return m ? m.index : 0;
}
