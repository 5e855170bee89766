// Tokenizer and parser: words and quoting, operators with fd numbers, here-documents,
// incomplete input (for the PS2 prompt) and bash's syntax error wording.
import { describe, expect, it } from 'vitest';
import { lineStatus, parse } from '../../../src/shell/parse';
import { tokenize, wordText, type Token } from '../../../src/shell/tokenize';

const words = (line: string) => tokenize(line).tokens.map((t: Token) => (t.type === 'word' ? wordText(t.parts) : t.type === 'op' ? `<${t.op}>` : `<${t.fd ?? ''}${t.op}>`));
const error = (line: string) => {
  const p = parse(tokenize(line).tokens);
  return p.ok ? null : p.error;
};

describe('tokenize', () => {
  it('splits words, removes quotes and keeps operators apart', () => {
    expect(words(`echo 'a b' "c d" e\\ f g#h # comment`)).toEqual(['echo', 'a b', 'c d', 'e f', 'g#h']);
    expect(words('a&&b||c;d|e&')).toEqual(['a', '<&&>', 'b', '<||>', 'c', '<;>', 'd', '<|>', 'e', '<&>']);
  });

  it('reads fd numbers on redirections only when the digits stand alone', () => {
    expect(words('cmd 2>&1 >>out 2>/dev/null x2>y &>all <in')).toEqual(['cmd', '<2>&>', '1', '<>>>', 'out', '<2>>', '/dev/null', 'x2', '<>>', 'y', '<&>>', 'all', '<<>', 'in']);
  });

  it('marks parameter, substitution and arithmetic parts, quoted or not', () => {
    const t = tokenize('echo "$HOME" ${X:-d} $(ls) `pwd` $((1+2))').tokens[1]!;
    expect(t.type === 'word' && t.parts).toEqual([{ kind: 'param', name: 'HOME', op: '', arg: '', braced: false, quoted: true }]);
    const kinds = tokenize('echo "$HOME" ${X:-d} $(ls) `pwd` $((1+2))').tokens.slice(1).map((w) => (w.type === 'word' ? w.parts.map((p) => p.kind).join() : ''));
    expect(kinds).toEqual(['param', 'param', 'cmd', 'cmd', 'arith']);
  });

  it('collects here-document bodies after the newline', () => {
    const r = tokenize("cat <<EOF | wc -l\nline 1\n$X\nEOF\necho after");
    expect(r.incomplete).toBeUndefined();
    const redir = r.tokens.find((t) => t.type === 'redir');
    expect(redir?.type === 'redir' && redir.heredoc).toEqual({ delimiter: 'EOF', quoted: false, stripTabs: false, body: 'line 1\n$X\n', line: 1 });
    const quoted = tokenize("cat <<-'END'\n\tx\n\tEND").tokens.find((t) => t.type === 'redir');
    expect(quoted?.type === 'redir' && quoted.heredoc).toEqual({ delimiter: 'END', quoted: true, stripTabs: true, body: 'x\n', line: 1 });
  });

  it('reports input that needs more lines', () => {
    expect(tokenize("echo 'open").incomplete).toEqual({ kind: 'quote', message: "unexpected EOF while looking for matching `''" });
    expect(tokenize('echo "open').incomplete).toEqual({ kind: 'quote', message: 'unexpected EOF while looking for matching `"\'' });
    expect(tokenize('echo $(ls').incomplete?.message).toBe("unexpected EOF while looking for matching `)'");
    expect(tokenize('cat <<EOF\nbody').incomplete).toEqual({ kind: 'heredoc', message: "warning: here-document at line 1 delimited by end-of-file (wanted `EOF')" });
    expect(tokenize('echo a \\').incomplete?.kind).toBe('backslash');
  });
});

describe('parse', () => {
  it('builds lists of and-or pipelines with assignments and redirections', () => {
    const p = parse(tokenize('A=1 B=2 cmd x > f 2>&1 | grep y && echo ok; (cd /; ls)').tokens);
    expect(p.ok).toBe(true);
    if (!p.ok) return;
    expect(p.list).toHaveLength(2);
    const first = p.list[0]!.first.commands[0]!;
    expect(first.kind === 'simple' && first.assigns.map((a) => a.name)).toEqual(['A', 'B']);
    expect(first.kind === 'simple' && first.redirects.map((r) => `${r.fd ?? ''}${r.op}${r.raw}`)).toEqual(['>f', '2>&1']);
    expect(p.list[0]!.rest[0]!.op).toBe('&&');
    expect(p.list[1]!.first.commands[0]!.kind).toBe('subshell');
  });

  it('expands aliases on tokens, also in later pipeline stages, without looping', () => {
    const p = parse(tokenize('ll /etc | l').tokens, { aliases: { ll: 'ls -l', l: 'll', x: 'x y' } });
    expect(p.ok && p.list[0]!.first.commands.map((c) => (c.kind === 'simple' ? c.words.map(wordText).join(' ') : ''))).toEqual(['ls -l /etc', 'ls -l']);
    const loop = parse(tokenize('x').tokens, { aliases: { x: 'x y' } });
    const looped = loop.ok ? loop.list[0]!.first.commands[0]! : undefined;
    expect(looped?.kind).toBe('simple');
    expect(looped?.kind === 'simple' ? looped.words.map(wordText) : []).toEqual(['x', 'y']);
  });

  it('words syntax errors like bash', () => {
    expect(error(';')).toBe("syntax error near unexpected token `;'");
    expect(error('echo ;;')).toBe("syntax error near unexpected token `;;'");
    expect(error('| ls')).toBe("syntax error near unexpected token `|'");
    expect(error('ls >')).toBe("syntax error near unexpected token `newline'");
    expect(error('ls > ;')).toBe("syntax error near unexpected token `;'");
    expect(error('echo )')).toBe("syntax error near unexpected token `)'");
    expect(error('( )')).toBe("syntax error near unexpected token `)'");
    expect(error('a && && b')).toBe("syntax error near unexpected token `&&'");
    expect(error('echo a (b)')).toBe("syntax error near unexpected token `('");
  });

  it('tells the terminal when a line is complete, needs more, or is wrong', () => {
    expect(lineStatus('ls')).toEqual({ kind: 'complete' });
    expect(lineStatus('ls |')).toEqual({ kind: 'more' });
    expect(lineStatus('ls &&')).toEqual({ kind: 'more' });
    expect(lineStatus('(ls')).toEqual({ kind: 'more' });
    expect(lineStatus("echo 'x")).toEqual({ kind: 'more' });
    expect(lineStatus('cat <<EOF\nx')).toEqual({ kind: 'more' });
    expect(lineStatus('cat <<EOF\nx\nEOF')).toEqual({ kind: 'complete' });
    expect(lineStatus('ls ;;')).toEqual({ kind: 'error', message: "syntax error near unexpected token `;;'" });
    expect(lineStatus('for i in 1 2; do')).toEqual({ kind: 'more' });
    expect(lineStatus('for i in 1 2; do\necho $i')).toEqual({ kind: 'more' });
    expect(lineStatus('for i in 1 2; do\necho $i\ndone')).toEqual({ kind: 'complete' });
    expect(lineStatus('if true; then echo; else')).toEqual({ kind: 'more' });
    expect(lineStatus('while read l; do echo; done < f')).toEqual({ kind: 'complete' });
    expect(lineStatus('{ echo')).toEqual({ kind: 'more' });
  });

  it('parses compound commands and refuses their words out of place', () => {
    const p = parse(tokenize('for i in a b; do echo $i; done > f; if a; then b; elif c; then d; else e; fi; while x; do y; done | z; { p; q; }').tokens);
    expect(p.ok && p.list.map((a) => a.first.commands.map((c) => c.kind).join('|'))).toEqual(['for', 'if', 'while|simple', 'group']);
    const f = p.ok ? p.list[0]!.first.commands[0]! : null;
    expect(f?.kind === 'for' && [f.name, f.words?.length, f.body.length, f.redirects.length]).toEqual(['i', 2, 1, 1]);
    const i = p.ok ? p.list[1]!.first.commands[0]! : null;
    expect(i?.kind === 'if' && [i.clauses.length, i.otherwise?.length]).toEqual([2, 1]);
    expect(error('done')).toBe("syntax error near unexpected token `done'");
    expect(error('if then fi')).toBe("syntax error near unexpected token `then'");
    expect(error('while do done')).toBe("syntax error near unexpected token `do'");
    expect(error('for i in a; do done')).toBe("syntax error near unexpected token `done'");
    expect(error('{ }')).toBe("syntax error near unexpected token `}'");
    expect(error('echo done fi then')).toBeNull();
  });
});

describe('[[ conditional ]]', () => {
  it('parses operators, grouping and the =~ regex with its parentheses', () => {
    const p = parse(tokenize('[[ ! -f x && ( a == b* || 1 -lt 2 ) ]] && [[ v =~ ^(a|b)$ ]]').tokens);
    expect(p.ok).toBe(true);
    const cmd = p.ok ? p.list[0]!.first.commands[0]! : null;
    expect(cmd?.kind).toBe('cond');
    const re = p.ok ? p.list[0]!.rest[0]!.pipeline.commands[0]! : null;
    expect(re?.kind === 'cond' && re.expr.kind === 'binary' && wordText(re.expr.right)).toBe('^(a|b)$');
  });

  it('reports bash wording for malformed expressions and asks for more at the end of input', () => {
    expect(error('[[ -f ]]')).toBe("unexpected argument `]]' to conditional unary operator");
    expect(error('[[ a b ]]')).toBe('conditional binary operator expected');
    expect(error('[[ ( a ]]')).toBe("unexpected token `]]', expected `)'");
    expect(lineStatus('[[ -f x')).toEqual({ kind: 'more' });
  });
});

describe('case', () => {
  it('parses clauses on one line or several, with | alternatives and an optional (', () => {
    const p = parse(tokenize('case $x in\n  a|b) echo ab ;;\n  (c*)\n    echo c\n    ;;\n  *) echo d\nesac').tokens);
    expect(p.ok).toBe(true);
    const cmd = p.ok ? p.list[0]!.first.commands[0]! : null;
    expect(cmd?.kind === 'case' && cmd.clauses.map((c) => c.patterns.map(wordText))).toEqual([['a', 'b'], ['c*'], ['*']]);
  });

  it('asks for more until esac and reports a stray ;;', () => {
    expect(lineStatus('case a in a) echo A;;')).toEqual({ kind: 'more' });
    expect(lineStatus('case a in')).toEqual({ kind: 'more' });
    expect(error('echo a;;')).toBe("syntax error near unexpected token `;;'");
    expect(error('case a b')).toBe("syntax error near unexpected token `b'");
  });
});

describe('function definitions', () => {
  it('parses the three forms, with the body on the next line too', () => {
    for (const line of ['f() { echo hi; }', 'function f { echo hi; }', 'function f() { echo hi; }', 'f ()\n{\n  echo hi\n}', 'f() ( echo sub )']) {
      const p = parse(tokenize(line).tokens);
      const cmd = p.ok ? p.list[0]!.first.commands[0]! : null;
      expect(cmd?.kind === 'funcdef' && cmd.name).toBe('f');
    }
  });

  it('needs a compound body and asks for more while it is missing', () => {
    expect(error('f() echo hi')).toBe("syntax error near unexpected token `echo'");
    expect(lineStatus('f() {')).toEqual({ kind: 'more' });
    expect(lineStatus('function f')).toEqual({ kind: 'more' });
    expect(error('echo f()')).toBe("syntax error near unexpected token `('");
  });
});
