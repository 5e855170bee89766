// The awk AST: expression nodes, statements and rules (pattern, range, action) as the parser
// produces them and the interpreter walks them.

export type Node =
  | { t: 'num'; v: number }
  | { t: 'str'; v: string }
  | { t: 'regex'; src: string }
  | { t: 'var'; name: string }
  | { t: 'field'; e: Node }
  | { t: 'index'; name: string; keys: Node[] }
  | { t: 'assign'; op: string; target: Node; e: Node }
  | { t: 'cond'; c: Node; a: Node; b: Node }
  | { t: 'bin'; op: string; a: Node; b: Node }
  | { t: 'not'; e: Node }
  | { t: 'neg'; e: Node }
  | { t: 'plus'; e: Node }
  | { t: 'incdec'; op: '++' | '--'; prefix: boolean; target: Node }
  | { t: 'match'; neg: boolean; e: Node; re: Node }
  | { t: 'in'; keys: Node[]; name: string }
  | { t: 'call'; name: string; args: Node[] }
  | { t: 'group'; e: Node };

export type Stmt =
  | { t: 'expr'; e: Node }
  | { t: 'print'; args: Node[]; redirect?: { op: string; target: Node } }
  | { t: 'printf'; args: Node[]; redirect?: { op: string; target: Node } }
  | { t: 'if'; c: Node; then: Stmt; else?: Stmt }
  | { t: 'while'; c: Node; body: Stmt }
  | { t: 'do'; body: Stmt; c: Node }
  | { t: 'for'; init?: Stmt; c?: Node; step?: Stmt; body: Stmt }
  | { t: 'forin'; v: string; arr: string; body: Stmt }
  | { t: 'block'; body: Stmt[] }
  | { t: 'next' }
  | { t: 'exit'; e?: Node }
  | { t: 'break' }
  | { t: 'continue' }
  | { t: 'delete'; name: string; keys?: Node[] }
  | { t: 'getline' };

export interface Rule {
  kind: 'begin' | 'end' | 'main';
  pattern?: Node;
  /** A range pattern `p1, p2`. */
  pattern2?: Node;
  action?: Stmt[];
}
