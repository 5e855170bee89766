// `rpm`: queries of the installed package database (-q, -qa, -qi, -qf, -ql), release-aware
// (OL6's rpm 4.8 prints NAME-VERSION-RELEASE.ARCH, OL5's rpm 4.4 NAME-VERSION-RELEASE).
import { STRERROR } from '../../sim/errno';
import { packagesOf, type Pkg } from '../../sim/packages';
import { lookup, normalizePath } from '../../sim/vfs';
import { NAVI_RPM, installNaviAgent, naviInstalled } from '../../sim/navi-agent';
import { defineCommand, fail, ok, type CommandContext } from '../types';

const nevra = (ctx: CommandContext, p: Pkg) => `${p.name}-${p.version}-${p.release}${ctx.host.release === 'ovm22' ? '' : `.${p.arch}`}`;

/** fnmatch-style glob for `rpm -qa 'xen*'`. */
function glob(pattern: string): RegExp {
  return new RegExp('^' + pattern.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.') + '$');
}

function info(ctx: CommandContext, p: Pkg): string {
  const c = (s: string) => s.padEnd(27);
  return (
    `Name        : ${c(p.name)}  Relocations: (not relocatable)\n` +
    `Version     : ${c(p.version)}       Vendor: Oracle America\n` +
    `Release     : ${c(p.release)}   Build Date: Tue 31 Mar 2020 05:24:30 PM PDT\n` +
    `Install Date: ${c('Thu 09 Jul 2020 02:15:33 PM UTC')}      Build Host: x86-ol${ctx.host.release === 'ovm22' ? 5 : 6}-builder-02.us.oracle.com\n` +
    `Group       : ${c(p.group)}   Source RPM: ${p.name}-${p.version}-${p.release}.src.rpm\n` +
    `Size        : ${c(String(1_000_000 + (p.name.length * 7919) % 9_000_000))}      License: ${p.license}\n` +
    `Signature   : RSA/8, Tue 31 Mar 2020 05:40:12 PM PDT, Key ID 72f97b74ec551f03\n` +
    `Packager    : Oracle America\n` +
    `Summary     : ${p.summary}\n` +
    `Description :\n${p.summary}.\n`
  );
}

const USAGE = 'Usage: rpm [-aKfgpWHqVcdilsiv?] [-a|--all] [-f|--file] [-q|--query] [-i|--info] [-l|--list]\n        [-V|--verify] [-e|--erase] [-U|--upgrade] [--version] [-?|--help]\n';

export const rpm = defineCommand({
  name: 'rpm',
  summary: 'query the installed packages (rpm -q NAME, rpm -qa)',
  man: { section: 8, name: 'RPM Package Manager', synopsis: ['rpm {-q|--query} [select-options] [query-options]', 'rpm -qa'], description: ['rpm queries the package database. rpm -q NAME prints the installed version of a package; rpm -qa lists every installed package.'] },
  usage: 'rpm {-q|--query} [-a] [-i] [-l] [-f FILE] [PACKAGE...]',
  complete: (c, words, cur) => (words.some((w) => /^-q/.test(w)) ? packagesOf(c.host.release).map((p) => p.name).filter((n) => n.startsWith(cur)) : []),
  run(ctx) {
    const flags = new Set<string>();
    const names: string[] = [];
    for (const a of ctx.args) {
      if (a === '--version') return ok(`RPM version ${ctx.host.release === 'ovm22' ? '4.4.2.3' : '4.8.0'}\n`);
      if (a === '--query') flags.add('q');
      else if (a === '--all') flags.add('a');
      else if (a === '--info') flags.add('i');
      else if (a === '--list') flags.add('l');
      else if (a === '--file') flags.add('f');
      else if (a === '--erase') flags.add('e');
      else if (a === '--install') flags.add('I');
      else if (a === '--upgrade') flags.add('U');
      else if (/^-[qailfeUvhF]+$/.test(a)) for (const f of a.slice(1)) flags.add(f === 'i' && !a.includes('q') && !flags.has('q') ? 'I' : f);
      else if (a.startsWith('-')) return fail(`rpm: ${a}: unknown option\n`, 1);
      else names.push(a);
    }
    const pkgs = packagesOf(ctx.host.release);
    if (flags.has('I') || flags.has('U') || flags.has('F')) {
      if (!names.length) return fail('rpm: no packages given for install\n', 1);
      // The one package file the reports install: the Navisphere host agent (seed 003).
      const navi = names.length === 1 && names[0]!.endsWith(NAVI_RPM) && lookup(ctx.world, ctx.host, names[0]!, ctx.frame.cwd).ok;
      if (navi) {
        if (naviInstalled(ctx.world, ctx.host)) return fail(`\tpackage naviagent-6.29.0.6.1-1 is already installed\n`, 1);
        installNaviAgent(ctx.world, ctx.host);
        const bar = '#'.repeat(43);
        return ok(flags.has('h') ? `Preparing...                ${bar} [100%]\n   1:naviagent              ${bar} [100%]\n` : '');
      }
      return fail(names.map((n) => `error: open of ${n} failed: ${STRERROR.ENOENT}\n`).join(''), 1);
    }
    if (flags.has('e')) {
      if (!names.length) return fail('rpm: no packages given for erase\n', 1);
      const missing = names.filter((n) => !pkgs.some((p) => p.name === n || nevra(ctx, p) === n));
      if (missing.length) return fail(missing.map((n) => `error: package ${n} is not installed\n`).join(''), 1);
      const agent = pkgs.find((p) => p.name === 'ovs-agent')!;
      return fail(`error: Failed dependencies:\n${names.map((n) => `\t${n} is needed by (installed) ${nevra(ctx, agent)}\n`).join('')}`, 1);
    }
    if (!flags.has('q')) return fail(USAGE, 1);
    const show = (p: Pkg) => (flags.has('i') ? info(ctx, p) : flags.has('l') ? (p.files ?? []).map((f) => f + '\n').join('') || '(contains no files)\n' : nevra(ctx, p) + '\n');
    if (flags.has('a')) {
      const pats = names.map(glob);
      return ok(pkgs.filter((p) => !pats.length || pats.some((re) => re.test(p.name) || re.test(nevra(ctx, p)))).map(show).join(''));
    }
    if (!names.length) return fail('rpm: no arguments given for query\n', 1);
    let stdout = '';
    const stderr = '';
    let failed = 0;
    for (const n of names) {
      if (flags.has('f')) {
        const path = normalizePath(n, ctx.frame.cwd);
        const owner = pkgs.find((p) => p.files?.includes(path));
        if (owner) stdout += show(owner);
        else {
          stdout += `file ${path} is not owned by any package\n`;
          failed++;
        }
        continue;
      }
      const p = pkgs.find((x) => x.name === n || nevra(ctx, x) === n || `${x.name}-${x.version}` === n);
      if (p) stdout += show(p);
      else {
        stdout += `package ${n} is not installed\n`;
        failed++;
      }
    }
    return { stdout, stderr, exitCode: failed ? 1 : 0 };
  },
});

export const pkg = [rpm];
