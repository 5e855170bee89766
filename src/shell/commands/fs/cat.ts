// `cat` (coreutils 8.4): files and `-` (stdin) in order, with -n -b -s -E -T -A -v.
import { defineArgs } from '../../args';
import { Output } from '../../output';
import { defineCommand } from '../../types';
import { readOperand } from './read';

const ARGS = defineArgs({
  prog: 'cat',
  help: { usage: 'cat [OPTION]... [FILE]...', description: 'Concatenate FILE(s), or standard input, to standard output.' },
  options: [
    { short: 'A', long: 'show-all', help: 'equivalent to -vET' },
    { short: 'b', long: 'number-nonblank', help: 'number nonempty output lines' },
    { short: 'e', help: 'equivalent to -vE' },
    { short: 'E', long: 'show-ends', help: 'display $ at end of each line' },
    { short: 'n', long: 'number', help: 'number all output lines' },
    { short: 's', long: 'squeeze-blank', help: 'suppress repeated empty output lines' },
    { short: 't', help: 'equivalent to -vT' },
    { short: 'T', long: 'show-tabs', help: 'display TAB characters as ^I' },
    { short: 'u', help: '(ignored)' },
    { short: 'v', long: 'show-nonprinting', help: 'use ^ and M- notation, except for LFD and TAB' },
    { long: 'help' },
  ],
});

export const cat = defineCommand({
  name: 'cat',
  dir: '/bin',
  summary: 'concatenate files and print on the standard output',
  usage: 'cat [OPTION]... [FILE]...',
  args: ARGS,
  run(ctx) {
    const a = ctx.parsed;
    const ends = a.has('show-all') || a.has('e') || a.has('show-ends');
    const tabs = a.has('show-all') || a.has('t') || a.has('show-tabs');
    const nonprint = a.has('show-all') || a.has('e') || a.has('t') || a.has('show-nonprinting');
    const numberAll = a.has('number');
    const numberNonBlank = a.has('number-nonblank');
    const squeeze = a.has('squeeze-blank');
    const plain = !ends && !tabs && !nonprint && !numberAll && !numberNonBlank && !squeeze;
    const out = new Output();
    let lineNo = 0;
    let lastBlank = false;
    for (const name of a.operands.length ? a.operands : ['-']) {
      const r = readOperand(ctx, name);
      if (!r.ok) {
        out.err(`cat: ${name}: ${r.message}\n`, 1);
        continue;
      }
      if (plain) {
        out.out(r.text);
        continue;
      }
      const lines = r.text.split('\n');
      const endsWithNewline = r.text.endsWith('\n');
      if (endsWithNewline) lines.pop();
      let text = '';
      lines.forEach((line, i) => {
        const blank = line === '';
        if (squeeze && blank && lastBlank) return;
        lastBlank = blank;
        let shown = line;
        if (nonprint) shown = showNonPrinting(shown, tabs);
        else if (tabs) shown = shown.replace(/\t/g, '^I');
        const num = (numberNonBlank ? !blank : numberAll) ? `${String(++lineNo).padStart(6)}\t` : '';
        const last = i === lines.length - 1 && !endsWithNewline;
        text += num + shown + (last ? '' : (ends ? '$' : '') + '\n');
      });
      out.out(text);
    }
    return out.done();
  },
});

function showNonPrinting(s: string, tabs: boolean): string {
  let o = '';
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    if (ch === '\t') o += tabs ? '^I' : '\t';
    else if (c < 32) o += '^' + String.fromCharCode(c + 64);
    else if (c === 127) o += '^?';
    else o += ch;
  }
  return o;
}
