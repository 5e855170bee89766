// vim's 'magic' regular expressions translated to JavaScript ones: `.` `*` `[]` `^` `$` are
// special; `\(` `\)` `\|` `\+` `\=` `\<` `\>` are the escaped specials; `+ ? ( ) { } |` literal.

/** A JS RegExp for a vim pattern, or null when it cannot be compiled. */
export function vimRegex(pattern: string, global = false): RegExp | null {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '\\' && i + 1 < pattern.length) {
      const n = pattern[++i]!;
      if ('()|+?{}'.includes(n)) out += n === '?' ? '?' : n;
      else if (n === '=') out += '?';
      else if (n === '<' || n === '>') out += '\\b';
      else if (n === 't') out += '\\t';
      else if ('sSdDwWn'.includes(n)) out += '\\' + n;
      else out += '\\' + n;
    } else if ('+?(){}|'.includes(c)) out += '\\' + c;
    else out += c;
  }
  try {
    return new RegExp(out, global ? 'g' : '');
  } catch {
    return null;
  }
}
