// `ssh ovmm`: a root login on the Oracle VM Manager's own server (Oracle Linux). It offers what
// the seeds do there: the 2.x `backup.sh` (backup and restore of the OVS schema) and SQL*Plus on
// the Manager's database (`connect ovs/oracle`, `update ovs_vm_img …`, `commit`); on a 3.x
// Manager, its MySQL backups, RestoreDatabase.sh and `service ovmm` (manager-host-ovm3.ts). A
// small shell of its own: the Manager's host is not a dom0 of the world.
import { STRERROR } from '../../../sim/errno';
import { wallTime } from '../../../sim/clock';
import { lastLoginLine } from '../../../programs/reconnect';
import { BACKUP_SCRIPT, DUMP_FILE, backupManager, restoreManager } from '../../../sim/manager/backup';
import { CONNECTED, DISCONNECTED, OVS_SCHEMA_PASSWORD, sqlConnect, sqlplusBanner, sqlStatement, type SqlSession } from '../../../sim/manager/sqlplus';
import type { CommandContext } from '../../types';
import { managerServiceCommand } from './manager-service';
import { HOME, ovm3HostCommand } from './manager-host-ovm3';
import type { Program, ProgramFactory } from '../../../programs/program';
import type { SshTarget } from '../net/ssh-targets';

const crlf = (s: string) => s.replace(/\r?\n/g, '\r\n');
const SYS_PASSWORD = 'oracle';

type Mode =
  | { kind: 'shell' }
  | { kind: 'sql'; s: SqlSession; buffer: string[] }
  | { kind: 'backup'; step: 'choice' | 'ovs' | 'sys' | 'ovs-restore' };

function hostProgram(): ProgramFactory {
  return (host) => {
    const m = () => host.sim.world.manager;
    const world = () => host.sim.world;
    let mode: Mode = { kind: 'shell' };
    let line = '';
    let done = false;
    const name = m()?.hostname ?? 'ovmm';
    let cwd = HOME;
    let PROMPT = `[root@${name} ~]# `;
    const say = (t: string) => host.write(crlf(t));
    const secret = () => mode.kind === 'backup' && mode.step !== 'choice';
    const old = () => m()?.release === '2.2';

    const menu = 'Welcome to Oracle VM Manager backup and restore utility\n\nPlease choose one of the following options:\n   1. Backup\n   2. Restore\n   3. Exit\nPlease enter your choice: ';

    function shell(cmd: string): void {
      const words = cmd.trim().split(/\s+/).filter(Boolean);
      const [c, ...args] = words;
      if (!c) return say(PROMPT);
      if (c === 'exit' || c === 'logout') {
        done = true;
        say(`logout\nConnection to ${name} closed.\n`);
        return host.exit(0);
      }
      if (c === 'hostname') return say(`${name}\n${PROMPT}`);
      const svc = m() ? managerServiceCommand(world(), m()!, words) : null;
      if (svc !== null) return say(svc + PROMPT);
      if (c === 'sqlplus' && old()) {
        const s: SqlSession = { user: null, pending: {} };
        let out = sqlplusBanner(world());
        const cred = args[0];
        if (cred && cred !== '/nolog') {
          const r = sqlConnect(s, cred);
          out += r.startsWith('Connected') ? CONNECTED : r;
        }
        mode = { kind: 'sql', s, buffer: [] };
        return say(out + 'SQL> ');
      }
      if ((c === BACKUP_SCRIPT || (c === 'sh' && args[0] === BACKUP_SCRIPT)) && old()) {
        mode = { kind: 'backup', step: 'choice' };
        return say(menu);
      }
      if (c === 'ls' && args[0]?.replace(/\/$/, '') === '/OVS/backup') {
        const b = m()?.backup;
        return say((b ? `ovm.dmp  ${b.restored ? 'ovm.dmp.imp.log  ' : ''}ovm.dmp.log\n` : '') + PROMPT);
      }
      const mgr = m();
      const r = mgr && !old() ? ovm3HostCommand(world(), mgr, cwd, cmd) : null;
      if (r) {
        if (r.cwd !== undefined) {
          cwd = r.cwd;
          PROMPT = `[root@${name} ${cwd === HOME ? '~' : cwd === '/' ? '/' : cwd.slice(cwd.lastIndexOf('/') + 1)}]# `;
        }
        return say(r.out + PROMPT);
      }
      return say(`-bash: ${c}: command not found\n${PROMPT}`);
    }

    function sql(text: string): void {
      if (mode.kind !== 'sql') return;
      const t = text.trim();
      const low = t.toLowerCase().replace(/;$/, '');
      if (!mode.buffer.length && (low === 'exit' || low === 'quit')) {
        mode = { kind: 'shell' };
        return say(`${DISCONNECTED}${PROMPT}`);
      }
      if (!mode.buffer.length && /^conn(ect)?\s/i.test(t)) return say(sqlConnect(mode.s, t.split(/\s+/)[1]?.replace(/;$/, '') ?? '') + 'SQL> ');
      mode.buffer.push(text);
      if (!t.endsWith(';') && t !== '') return say(`  ${mode.buffer.length + 1}  `);
      const stmt = mode.buffer.join(' ');
      mode.buffer = [];
      const mgr = m();
      say((mgr ? sqlStatement(world(), mgr, mode.s, stmt) : '') + 'SQL> ');
    }

    function backup(answer: string): void {
      if (mode.kind !== 'backup') return;
      const mgr = m();
      if (mode.step === 'choice') {
        if (answer === '1') return ((mode = { kind: 'backup', step: 'ovs' }), say("Please enter the password for user 'OVS': "));
        if (answer === '2') return ((mode = { kind: 'backup', step: 'sys' }), say("Please enter the password for user 'sys': "));
        mode = { kind: 'shell' };
        return say(PROMPT);
      }
      say('\n');
      const denied = 'ORA-01017: invalid username/password; logon denied\n';
      if (mode.step === 'ovs') {
        mode = { kind: 'shell' };
        if (answer !== OVS_SCHEMA_PASSWORD || !mgr) return say(`${denied}Backup failed.\n${PROMPT}`);
        backupManager(world(), mgr);
        return say(`Exporting the OVS schema ...\nDump file: ${DUMP_FILE}\nLog file: ${DUMP_FILE}.log\nBackup completed successfully.\n${PROMPT}`);
      }
      if (mode.step === 'sys') {
        if (answer !== SYS_PASSWORD) return ((mode = { kind: 'shell' }), say(`${denied}Restore failed.\n${PROMPT}`));
        mode = { kind: 'backup', step: 'ovs-restore' };
        return say("Please enter the password for user 'OVS': ");
      }
      mode = { kind: 'shell' };
      if (answer !== OVS_SCHEMA_PASSWORD || !mgr) return say(`${denied}Restore failed.\n${PROMPT}`);
      if (!restoreManager(world(), mgr)) return say(`${DUMP_FILE}: ${STRERROR.ENOENT}\nRestore failed.\n${PROMPT}`);
      say(`The OVS schema will be dropped and imported again from ${DUMP_FILE}.\nDump file: ${DUMP_FILE}\nLog file: ${DUMP_FILE}.imp.log\nRestore completed successfully.\n${PROMPT}`);
    }

    // As ssh's login to a server: the last login a few hours ago, from this server's address.
    say(`${lastLoginLine(new Date(wallTime(world()).getTime() - 3 * 3600_000), world().hosts[host.hostName]?.ip ?? host.hostName)}\n${PROMPT}`);
    const program: Program = {
      onInput(data) {
        for (const ch of data) {
          if (done) return;
          if (ch === '\r' || ch === '\n') {
            const text = line;
            line = '';
            if (!secret()) say('\n');
            if (mode.kind === 'shell') shell(text);
            else if (mode.kind === 'sql') sql(text);
            else backup(text.trim());
          } else if (ch === '\x03') {
            line = '';
            if (mode.kind === 'sql') mode.buffer = [];
            say(`^C\n${mode.kind === 'sql' ? 'SQL> ' : PROMPT}`);
            if (mode.kind === 'backup') mode = { kind: 'shell' };
          } else if (ch === '\x04') {
            if (!line && mode.kind === 'shell') shell('exit');
          } else if (ch === '\x7f' || ch === '\b') {
            if (line) {
              line = line.slice(0, -1);
              if (!secret()) host.write('\b \b');
            }
          } else if (ch >= ' ') {
            line += ch;
            if (!secret()) host.write(ch);
          }
        }
      },
    };
    return program;
  };
}

const isManager = (ctx: CommandContext, h: string): boolean => {
  const m = ctx.world.manager;
  return !!m && (h === m.hostname || h === m.ip || h.startsWith(`${m.hostname}.`));
};

/** `ssh [root@]ovmm`: the Manager's server (registered by engine/wiring.ts). */
export const managerHostTarget: SshTarget = {
  matches: (ctx, req) => req.port === 22 && req.command === null && req.user === 'root' && isManager(ctx, req.host),
  connect: () => ({ stdout: '', stderr: '', exitCode: 0, program: hostProgram() }),
};
