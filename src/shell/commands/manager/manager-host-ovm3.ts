// The 3.x Manager's server (`ssh ovmm` when the Manager is 3.x): the MySQL backups under
// /u01/app/oracle/mysql/dbbackup (`ls`, `ls -l`, `cd`, `pwd`), a backup on demand
// (`…/ovm_tools/bin/BackupDatabase -w`) and RestoreDatabase.sh (globs such as ManualBackup-* expand
// as bash would); `service ovmm` is manager-service.ts's. Each action is a named function of
// sim/manager/dbbackup.ts; this file only reads the command line and prints. Texts: see
// src/sim/manager/CLI-FORMAT.md, "The Manager's server".
import { STRERROR } from '../../../sim/errno';
import { monthDay, two } from '../../../lib/calendar';
import { wallTime } from '../../../sim/clock';
import {
  BACKUP_TOOL, DBBACKUP_DIR, RESTORE_SCRIPT, dbBackups, findDbBackup, restoreDbBackup, takeManualBackup,
} from '../../../sim/manager/dbbackup';
import type { ManagerState } from '../../../sim/manager/types';
import type { WorldState } from '../../../sim/types';

export const HOME = '/root';
const WIDTH = 80;
const BACKUP_FILES = ['AutoBackup.log', 'backup-my.cnf', 'datadir', 'meta'];
const PARENTS = ['/u01', '/u01/app', '/u01/app/oracle', '/u01/app/oracle/mysql', DBBACKUP_DIR];

export interface Ovm3Result {
  out: string;
  cwd?: string;
}

/** GNU ls's columns (column-major, two blanks between columns) for a terminal WIDTH wide. */
function columns(names: string[]): string {
  if (!names.length) return '';
  for (let cols = names.length; cols >= 1; cols--) {
    const rows = Math.ceil(names.length / cols);
    const widths = Array.from({ length: cols }, (_, c) => Math.max(0, ...names.slice(c * rows, c * rows + rows).map((n) => n.length)));
    if (widths.reduce((a, b) => a + b, 0) + 2 * (cols - 1) > WIDTH && cols > 1) continue;
    const lines: string[] = [];
    for (let r = 0; r < rows; r++) {
      const cells = widths.map((_, c) => names[c * rows + r]).filter((n): n is string => n !== undefined);
      lines.push(cells.map((n, c) => (c === cells.length - 1 ? n : n.padEnd(widths[c]! + 2))).join(''));
    }
    return lines.join('\n') + '\n';
  }
  return '';
}

/** Resolves a path against the current directory (`.`, `..`, `~` and trailing slashes). */
function resolve(cwd: string, p: string): string {
  const abs = p === '~' || p.startsWith('~/') ? HOME + p.slice(1) : p.startsWith('/') ? p : `${cwd}/${p}`;
  const out: string[] = [];
  for (const part of abs.split('/')) {
    if (!part || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return '/' + out.join('/');
}

/** bash's pathname expansion of `*` and `?` over the backup directories; no match leaves the word. */
function glob(m: ManagerState, cwd: string, word: string): string[] {
  if (!/[*?]/.test(word)) return [word];
  const abs = resolve(cwd, word);
  const slash = abs.lastIndexOf('/');
  if (abs.slice(0, slash) !== DBBACKUP_DIR) return [word];
  const re = new RegExp(`^${abs.slice(slash + 1).replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`);
  const hits = dbBackups(m).map((b) => b.name).filter((n) => re.test(n)).sort();
  if (!hits.length) return [word];
  const prefix = word.slice(0, word.lastIndexOf('/') + 1);
  return hits.map((n) => prefix + n);
}

function lsLong(world: WorldState, entries: { name: string; dir: boolean; atMs: number }[]): string {
  const date = (ms: number) => {
    const d = wallTime(world, ms);
    return `${monthDay(d)} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}`;
  };
  const lines = entries.map((e) => `${e.dir ? 'drwxr-xr-x 4' : '-rw-r--r-- 1'} oracle dba ${String(e.dir ? 4096 : e.name.endsWith('.log') ? 2817 : 391).padStart(4)} ${date(e.atMs)} ${e.name}`);
  return `total ${entries.length * 4}\n` + lines.map((l) => l + '\n').join('');
}

function ls(world: WorldState, m: ManagerState, cwd: string, args: string[]): string {
  const flags = args.filter((a) => a.startsWith('-')).join('');
  const paths = args.filter((a) => !a.startsWith('-'));
  const long = flags.includes('l');
  const byTime = flags.includes('t');
  const reverse = flags.includes('r');
  let out = '';
  for (const p of paths.length ? paths : ['.']) {
    const abs = resolve(cwd, p);
    let entries: { name: string; dir: boolean; atMs: number }[];
    if (abs === DBBACKUP_DIR) {
      entries = dbBackups(m).map((b) => ({ name: b.name, dir: true, atMs: b.atMs }));
    } else if (abs.startsWith(DBBACKUP_DIR + '/') && findDbBackup(m, abs)) {
      const b = findDbBackup(m, abs)!;
      entries = BACKUP_FILES.map((n) => ({ name: n, dir: !n.includes('.'), atMs: b.atMs }));
    } else if (PARENTS.includes(abs)) {
      const next = PARENTS[PARENTS.indexOf(abs) + 1];
      entries = next ? [{ name: next.slice(abs.length + 1), dir: true, atMs: 0 }] : [];
    } else if (abs === HOME) {
      entries = [];
    } else {
      out += `ls: cannot access ${p}: ${STRERROR.ENOENT}\n`;
      continue;
    }
    entries.sort((a, b) => (byTime ? b.atMs - a.atMs : 0) || (a.name < b.name ? -1 : 1));
    if (reverse) entries.reverse();
    if (paths.length > 1) out += `${p}:\n`;
    out += long ? lsLong(world, entries) : columns(entries.map((e) => e.name));
  }
  return out;
}

function backup(world: WorldState, m: ManagerState): string {
  const head = 'INFO: Expanding the backup CLI tool...\nINFO: Backup CLI tool expanded.\n';
  const b = takeManualBackup(world, m);
  if (!b) return `${head}ERROR: Unable to connect to Oracle VM Manager: is it running? (service ovmm status)\n`;
  return `${head}INFO: Starting a full backup of the Oracle VM Manager database...\nINFO: Backup directory: ${DBBACKUP_DIR}/${b.name}\nINFO: Success - Backup completed.\n`;
}

function restore(world: WorldState, m: ManagerState, arg: string | undefined): string {
  if (!arg) return 'Usage: RestoreDatabase.sh <backup directory>\n';
  const r = restoreDbBackup(world, m, arg);
  if (typeof r === 'string') return `ERROR: Backup directory ${arg.startsWith('/') ? arg : `${DBBACKUP_DIR}/${arg}`} does not exist.\n`;
  return (r.stopped ? 'INFO: Stopping Oracle VM Manager...\n' : '')
    + 'INFO: Expanding the backup image...\nINFO: Applying logs to the backup snapshot...\nINFO: Restoring the backup...\n'
    + 'INFO: Success - Done restore of the database.\nINFO: Starting Oracle VM Manager...\n';
}

/** One command line on the 3.x Manager's server; null when it is not one of these commands. */
export function ovm3HostCommand(world: WorldState, m: ManagerState, cwd: string, line: string): Ovm3Result | null {
  const raw = line.trim().split(/\s+/).filter(Boolean);
  const [c0, ...rest0] = raw;
  if (!c0) return null;
  const words = [c0, ...rest0.flatMap((w) => glob(m, cwd, w))];
  let [c, ...args] = words;
  if ((c === 'bash' || c === 'sh') && args[0]) [c, ...args] = args;
  if (c === 'pwd') return { out: `${cwd}\n` };
  if (c === 'cd') {
    const target = resolve(cwd, args[0] ?? '~');
    if (target === HOME || PARENTS.includes(target) || target === '/' || (target.startsWith(DBBACKUP_DIR + '/') && findDbBackup(m, target))) return { out: '', cwd: target };
    return { out: `-bash: cd: ${args[0]}: ${STRERROR.ENOENT}\n` };
  }
  if (c === 'ls') return { out: ls(world, m, cwd, args) };
  if (c === BACKUP_TOOL) return { out: backup(world, m) };
  if (c === RESTORE_SCRIPT) return { out: restore(world, m, args[0]) };
  return null;
}
