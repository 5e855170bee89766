// Undo and redo of state-changing commands: the index of command groups (a command line and the
// input to the program it started), the `undo`/`redo` commands, and how an undone line stays in
// the shell history. The engine carries out a planned undo after the line: it marks the group's
// journal entries undone and rebuilds the world from snapshot + journal without them.
import { defineArgs, parseArgs } from '../shell/args';
import { defineCommand, fail, ok, type CommandSpec } from '../shell/types';
import type { JournalEntry } from './store';
import type { SessionState } from '../tty/session';

/** How many state-changing commands undo can reach back. */
export const UNDO_DEPTH = 200;
/** As bash's HISTSIZE in tty/session.ts. */
const HISTORY_LIMIT = 1000;

/** One command line and everything typed into the program it started. */
export interface UndoGroup {
  /** The exec entry that started the group (re-written when a program changes the world later). */
  exec: JournalEntry;
  seqs: number[];
  changed: boolean;
  undone: boolean;
}

export type UndoKind = 'undo' | 'redo';
export type UndoPlan = { ok: true; line: string } | { ok: false; reason: string };

interface IndexJson {
  groups: UndoGroup[];
  open: Record<string, number>;
}

/**
 * Which command groups changed the world, in journal order. Fed every journal entry as it is
 * recorded (live) or replayed; `changed` flags arrive later (the change tracker sets them on the
 * same entry objects) and are folded in by `refresh`.
 */
export class UndoIndex {
  #groups: UndoGroup[] = [];
  /** session → its latest group (its program may still be running). */
  #open = new Map<string, UndoGroup>();
  #recent: Array<{ entry: JournalEntry; group: UndoGroup | undefined }> = [];
  /** Exec seqs of undone groups that redo may bring back, oldest first (seqs survive a rebuild). */
  #redo: number[] = [];
  #planned: Array<{ kind: UndoKind; group: UndoGroup }> = [];

  /** Forgets everything (a new attempt), or everything but the redo stack (a rebuild). */
  reset(keepRedo = false): void {
    this.#groups = [];
    this.#open.clear();
    this.#recent = [];
    this.#planned = [];
    if (!keepRedo) this.#redo = [];
  }

  add(entry: JournalEntry): void {
    let group: UndoGroup | undefined;
    if (entry.record.kind === 'exec') {
      group = { exec: entry, seqs: [entry.seq], changed: false, undone: !!entry.undone };
      this.#groups.push(group);
      this.#open.set(entry.session, group);
    } else if (entry.record.kind === 'input') {
      // Input is only recorded while a program runs: it belongs to the line that started it.
      group = this.#open.get(entry.session);
      group?.seqs.push(entry.seq);
    }
    this.#recent.push({ entry, group });
  }

  /** Folds in the changed flags of entries added since the last call; true if a group became changed. */
  refresh(): boolean {
    let fresh = false;
    for (const { entry, group } of this.#recent) {
      if (group && entry.changed && !group.changed) {
        group.changed = true;
        fresh = true;
      }
    }
    this.#recent = [];
    return fresh;
  }

  /** After a batch is journaled: drop groups that changed nothing; a new change ends redo. */
  settle(live: boolean): void {
    if (this.refresh() && live) this.#redo = [];
    const open = new Set(this.#open.values());
    this.#groups = this.#groups.filter((g) => g.changed || open.has(g));
    const changed = this.#groups.filter((g) => g.changed);
    if (changed.length > UNDO_DEPTH) {
      const drop = new Set(changed.slice(0, changed.length - UNDO_DEPTH));
      this.#groups = this.#groups.filter((g) => !drop.has(g));
    }
  }

  /** A running program changed the world on a clock tick: its group is state-changing. */
  programChanged(session: string): JournalEntry | null {
    const g = this.#open.get(session);
    if (!g || g.changed || g.undone) return null;
    g.changed = true;
    g.exec.changed = true;
    this.#redo = [];
    return g.exec;
  }

  /** Whether a tick of this session's program needs watching (its group is not known to change yet). */
  watching(session: string): boolean {
    const g = this.#open.get(session);
    return !!g && !g.changed && !g.undone;
  }

  /**
   * After a reload the redo stack is gone with the page: it is read back from the journal. The
   * undone groups after the last change still in effect are redoable, the most recently undone
   * (the oldest of them, as undo walks backwards) first.
   */
  restoreRedo(): void {
    if (this.#redo.length) return;
    let tail: number[] = [];
    for (const g of this.#groups) {
      if (g.undone) tail.push(g.exec.seq);
      else if (g.changed) tail = [];
    }
    this.#redo = tail.sort((a, b) => b - a);
  }

  /** Chooses what `undo`/`redo` will act on; the engine carries it out after the line. */
  plan(kind: UndoKind): UndoGroup | null {
    this.refresh();
    const taken = new Set(this.#planned.map((p) => p.group));
    let group: UndoGroup | undefined;
    if (kind === 'undo') group = [...this.#groups].reverse().find((g) => g.changed && !g.undone && !taken.has(g));
    else {
      for (let i = this.#redo.length - 1; i >= 0 && !group; i--) {
        const g = this.#groups.find((x) => x.exec.seq === this.#redo[i] && x.undone);
        if (g && !taken.has(g)) group = g;
      }
    }
    if (!group) return null;
    this.#planned.push({ kind, group });
    return group;
  }

  hasPlanned(): boolean {
    return this.#planned.length > 0;
  }

  /** Hands over the planned steps and applies them to the index (undone flags, redo stack). */
  takePlanned(): Array<{ kind: UndoKind; group: UndoGroup }> {
    const plans = this.#planned;
    this.#planned = [];
    for (const { kind, group } of plans) {
      group.undone = kind === 'undo';
      if (kind === 'undo') this.#redo.push(group.exec.seq);
      else this.#redo = this.#redo.filter((seq) => seq !== group.exec.seq);
    }
    return plans;
  }

  toJSON(): IndexJson {
    const open: Record<string, number> = {};
    for (const [s, g] of this.#open) open[s] = g.exec.seq;
    return { groups: this.#groups, open };
  }

  load(json: string | undefined): void {
    this.reset(true);
    if (!json) return;
    const data = JSON.parse(json) as IndexJson;
    this.#groups = data.groups;
    for (const [s, seq] of Object.entries(data.open)) {
      const g = this.#groups.find((x) => x.exec.seq === seq);
      if (g) this.#open.set(s, g);
    }
  }
}

/** An undone line is not run again on a rebuild, but it stays in the shell's history (↑ finds it). */
export function rememberLine(state: SessionState, line: string): void {
  const host = state.frames[state.frames.length - 1]!.host;
  const hist = (state.history[host] ??= []);
  if (!line.trim() || line.startsWith(' ') || hist[hist.length - 1] === line) return;
  hist.push(line);
  if (hist.length > HISTORY_LIMIT) hist.splice(0, hist.length - HISTORY_LIMIT);
}

const ARGS = {
  undo: defineArgs({ prog: 'undo', options: [{ long: 'help' }], tryHelp: "Try `undo --help' for more information." }),
  redo: defineArgs({ prog: 'redo', options: [{ long: 'help' }], tryHelp: "Try `redo --help' for more information." }),
};

const HELP: Record<UndoKind, string> = {
  undo: 'Usage: undo\nTake back the last command that changed the data centre (repeatable).\nThe world returns to how it would be had that command never run; the clock does not go back.\n',
  redo: 'Usage: redo\nRun again the command that undo took back last, if nothing has changed since.\n',
};

/** `undo` and `redo`: OVM Sandbox's own commands; `plan` is the engine's hook. */
export function undoCommands(plan: (kind: UndoKind) => UndoPlan): CommandSpec[] {
  return (['undo', 'redo'] as const).map((kind) =>
    defineCommand({
      name: kind,
      summary: kind === 'undo' ? 'take back the last command that changed the data centre' : 'run again the command undo took back',
      usage: kind,
      args: ARGS[kind],
      run(ctx) {
        const p = parseArgs(ARGS[kind], ctx.args);
        if (!p.ok) return p.outcome;
        if (p.args.has('help')) return ok(HELP[kind]);
        if (p.args.operands.length) return fail(`${kind}: too many arguments\n${ARGS[kind].tryHelp}\n`, 2);
        const r = plan(kind);
        if (!r.ok) return fail(`${kind}: ${r.reason}\n`);
        return ok(`${kind === 'undo' ? 'Undone' : 'Redone'}: ${r.line}\n`);
      },
    }),
  );
}
