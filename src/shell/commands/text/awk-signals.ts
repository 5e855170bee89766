// Control flow of a running awk program, thrown and caught by the interpreter: fatal errors,
// next, exit, break and continue.

export class Fatal {
  constructor(readonly msg: string) {}
}
export class NextSig {}
export class ExitSig {}
export class BreakSig {}
export class ContinueSig {}
