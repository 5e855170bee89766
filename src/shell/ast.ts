// The command tree the parser builds and the executor runs: and-or lists of pipelines of simple and
// compound commands (subshells, groups, loops, if, case, [[ ]], function definitions).
import type { CondExpr } from './conditional';
import type { HereDoc, RedirOp, Word } from './tokenize';

export interface Redirect {
  op: RedirOp;
  /** The fd written before the operator (`2>`), or null for the default. */
  fd: number | null;
  target: Word;
  /** The target as typed, for error messages (`-bash: $X: ambiguous redirect`). */
  raw: string;
  heredoc?: HereDoc;
}
export interface Assignment {
  name: string;
  value: Word;
}
export interface SimpleCommand {
  kind: 'simple';
  assigns: Assignment[];
  words: Word[];
  redirects: Redirect[];
}
export interface Subshell {
  kind: 'subshell';
  list: AndOr[];
  redirects: Redirect[];
}
export interface Group {
  kind: 'group';
  list: AndOr[];
  redirects: Redirect[];
}
export interface ForLoop {
  kind: 'for';
  name: string;
  /** null: `for x; do` (the positional parameters, none here). */
  words: Word[] | null;
  body: AndOr[];
  redirects: Redirect[];
}
export interface WhileLoop {
  kind: 'while';
  until: boolean;
  cond: AndOr[];
  body: AndOr[];
  redirects: Redirect[];
}
export interface IfCommand {
  kind: 'if';
  clauses: Array<{ cond: AndOr[]; body: AndOr[] }>;
  otherwise: AndOr[] | null;
  redirects: Redirect[];
}
export interface Conditional {
  kind: 'cond';
  expr: CondExpr;
  redirects: Redirect[];
}
export interface CaseCommand {
  kind: 'case';
  word: Word;
  /** `end`: `;;` stops, `;&` runs the next body too, `;;&` tests the next patterns. */
  clauses: Array<{ patterns: Word[]; body: AndOr[]; end: ';;' | ';&' | ';;&' }>;
  redirects: Redirect[];
}
export interface FunctionDef {
  kind: 'funcdef';
  name: string;
  body: Command;
}
export type Command = SimpleCommand | Subshell | Group | ForLoop | WhileLoop | IfCommand | Conditional | CaseCommand | FunctionDef;
export interface Pipeline {
  negate: boolean;
  commands: Command[];
}
export interface AndOr {
  first: Pipeline;
  rest: Array<{ op: '&&' | '||'; pipeline: Pipeline }>;
}

