// `xm console [-q] <Domain>` (reference §1.14): attaches the terminal to the guest's serial
// console through xenconsole. No banner; Enter wakes the guest's getty (a login prompt that
// never lets anyone in — the guest OS is not simulated), or a guest virt-install started redraws
// its installer's screen; Ctrl-] (0x1d) detaches.
import { STRERROR } from '../../../sim/errno';
import { lookupDomain } from '../../../sim/xen/domains';
import { installerScreen } from '../virt-install/installer-console';
import { gnuGetopt } from './getopt';
import { argCheck, faultError, getoptError, noSuchDomain, type XmSubcommand } from './subcommand';
import type { DomainState } from '../../../sim/types';
import type { ProgramFactory } from '../../../programs/program';

const ESCAPE = '\x1d';

/**
 * The lines getty prints before `login:` for the guest's OS (OVM_os_type / the template's), or
 * null for Windows, which has no getty on the PV console: the console stays silent.
 */
function issue(d: DomainState): string | null {
  const os = d.osType;
  if (/Windows/i.test(os)) return null;
  if (/Oracle Linux 7/.test(os)) return 'Oracle Linux Server 7.6\r\nKernel 4.14.35-1818.3.3.el7uek.x86_64 on an x86_64';
  if (/Oracle Linux 6/.test(os)) return 'Oracle Linux Server release 6.10\r\nKernel 4.1.12-124.24.3.el6uek.x86_64 on an x86_64';
  // From 5.6 on, EL5 is branded Oracle Linux; the OVM 2.2 templates carry Enterprise Linux 5.5.
  if (/Oracle Linux 5/.test(os)) return 'Oracle Linux Server release 5.11\r\nKernel 2.6.39-400.294.1.el5uek on an x86_64';
  if (/Enterprise Linux 5/.test(os)) return 'Enterprise Linux Enterprise Linux Server release 5.5 (Carthage)\r\nKernel 2.6.18-194.0.0.0.3.el5xen on an x86_64';
  if (/Enterprise Linux 4/.test(os)) return 'Enterprise Linux Enterprise Linux AS release 4 (October Update 8)\r\nKernel 2.6.9-89.0.0.0.1.ELxenU on an x86_64';
  return 'CentOS release 6.10 (Final)\r\nKernel 2.6.32-754.el6.x86_64 on an x86_64';
}

/** The console of guest `name` as a terminal program. */
export function consoleProgram(name: string): ProgramFactory {
  return (host) => {
    const dom = () => host.sim.world.domains[name];
    const startId = dom()?.domid ?? null;
    const hostname = (dom()?.simpleName || name).toLowerCase();
    // A guest whose disk file system broke logs the kernel's errors to its console first.
    const errors = () => (dom()?.diskCorrupt?.lines ?? []).map((l) => `\r\n${l}`).join('');
    const prompt = () => `\r\n\r\n${issue(dom()!)}\r\n\r\n${hostname} login: `;
    let stage: 'idle' | 'user' | 'password' = 'idle';
    let line = '';
    let finished = false;
    const end = (code: number) => {
      if (finished) return;
      finished = true;
      host.exit(code);
    };
    return {
      onInput(data) {
        for (const ch of data) {
          if (finished) return;
          if (ch === ESCAPE) return end(0);
          if (issue(dom()!) === null) continue;
          if (dom()!.xen?.installing !== undefined) {
            if (ch === '\r' || ch === '\n') host.write(`\r\n${installerScreen()}`);
            continue;
          }
          if (ch === '\r' || ch === '\n') {
            if (stage === 'idle' || (stage === 'user' && line === '')) {
              host.write(`${stage === 'idle' ? errors() : ''}${prompt()}`);
              stage = 'user';
            } else if (stage === 'user') {
              host.write('\r\nPassword: ');
              stage = 'password';
            } else {
              host.write(`\r\nLogin incorrect\r\n\r\n${hostname} login: `);
              stage = 'user';
            }
            line = '';
          } else if (ch === '\x03') {
            host.write(`^C${prompt()}`);
            stage = 'user';
            line = '';
          } else if (ch === '\x7f' || ch === '\b') {
            if (line && stage !== 'password') host.write('\b \b');
            line = line.slice(0, -1);
          } else if (ch >= ' ' && ch !== '\x7f' && stage !== 'idle') {
            line += ch;
            if (stage === 'user') host.write(ch);
          }
        }
      },
      onTick() {
        // The console goes away with the domain (shutdown, destroy, migration).
        const d = dom();
        if (!d || d.domid === null || d.domid !== startId) end(0);
      },
    };
  };
}

export const xmConsole: XmSubcommand = {
  name: 'console',
  run(ctx, args) {
    const bad = argCheck(ctx, 'console', args, 1, 3);
    if (bad) return bad;
    const g = gnuGetopt(args, 'qn:', ['quiet', 'num']);
    if (!g.ok) return getoptError(ctx, 'console', g.error);
    const quiet = g.opts.some(([k]) => k === '-q' || k === '--quiet');
    if (g.args.length !== 1) return faultError(ctx, 'console', 'No domain given');
    const ref = g.args[0]!;
    const t = lookupDomain(ctx.world, ctx.host, ref);
    const silent = { stdout: '', stderr: '', exitCode: 1 };
    if (!t) return quiet ? silent : noSuchDomain(ref);
    if (t.kind === 'dom0') return { stdout: '', stderr: "Can't specify Domain-0\n", exitCode: 22 };
    const d = t.d;
    if (d.domid === null || d.host === null) return quiet ? silent : faultError(ctx, 'console', `Domain '${ref}' is not started`);
    if (d.hvm && !d.xen?.serial) return { stdout: '', stderr: `xenconsole: Could not read tty from store: ${STRERROR.ENOENT}\n`, exitCode: 2 };
    return { stdout: '', stderr: '', exitCode: 0, program: consoleProgram(d.name) };
  },
};
