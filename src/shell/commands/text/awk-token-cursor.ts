// The parser's position in an awk token list, with the shared look-ahead, expect and
// newline/terminator skipping helpers; a mismatch throws AwkSyntaxError at the current token.
import { AwkSyntaxError, type Tok } from './awk-lexer';

export class TokenCursor {
  /** Index of the current token. */
  p = 0;

  constructor(readonly toks: Tok[]) {}

  readonly peek = (): Tok => this.toks[this.p]!;
  readonly isOp = (v: string): boolean => this.peek().k === 'op' && (this.peek() as { v: string }).v === v;
  readonly isKw = (v: string): boolean => this.peek().k === 'kw' && (this.peek() as { v: string }).v === v;
  readonly fail = (): never => {
    const t = this.peek();
    throw new AwkSyntaxError(t.k === 'eof' || t.k === 'nl' ? 'unexpected newline or end of string' : 'syntax error', t.at);
  };
  readonly expectOp = (v: string): void => {
    if (!this.isOp(v)) this.fail();
    this.p++;
  };
  /** Skips newlines. */
  readonly nls = (): void => {
    while (this.peek().k === 'nl') this.p++;
  };
  /** Skips statement terminators: newlines and semicolons. */
  readonly terms = (): void => {
    while (this.peek().k === 'nl' || this.isOp(';')) this.p++;
  };
}
