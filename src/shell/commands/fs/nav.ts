// The working directory: bash's `cd` (logical paths, `cd -`, `~`, $OLDPWD) and `pwd` (-L/-P).
import { STRERROR } from '../../../sim/errno';
import { lookup, normalizePath, realPath } from '../../../sim/vfs';
import { completePath } from '../../complete';
import { getVar } from '../../expand';
import { defineCommand, fail, ok } from '../../types';

export const cd = defineCommand({
  name: 'cd',
  builtin: 'only',
  summary: 'change the shell working directory',
  usage: 'cd [-L|-P] [dir]',
  complete: (c, _w, cur) => completePath(c, cur, true),
  run(ctx) {
    const args = ctx.args.filter((a, i) => !(/^-[LP]+$/.test(a) && ctx.args.slice(0, i).every((b) => /^-[LP]+$/.test(b))));
    const bad = ctx.args.find((a) => /^-[^LP-]/.test(a) && a !== '-');
    if (bad && ctx.args.indexOf(bad) === 0) return fail(`-bash: cd: ${bad.slice(0, 2)}: invalid option\ncd: usage: cd [-L|-P] [dir]\n`, 2);
    const physical = ctx.args.some((a) => /^-[LP]*P[LP]*$/.test(a));
    let target = args[0];
    let print = false;
    if (target === undefined || target === '--') {
      target = getVar(ctx.frame, 'HOME');
      if (target === undefined) return fail('-bash: cd: HOME not set\n');
    } else if (target === '-') {
      target = getVar(ctx.frame, 'OLDPWD');
      if (target === undefined) return fail('-bash: cd: OLDPWD not set\n');
      print = true;
    }
    if (target === '') return ok();
    const abs = normalizePath(target, ctx.frame.cwd);
    const node = lookup(ctx.world, ctx.host, abs);
    if (!node.ok) return fail(`-bash: cd: ${target}: ${node.error === 'ENOTDIR' ? STRERROR.ENOTDIR : STRERROR.ENOENT}\n`);
    if (node.value.type !== 'dir') return fail(`-bash: cd: ${target}: ${STRERROR.ENOTDIR}\n`);
    const real = physical ? realPath(ctx.world, ctx.host, abs) : null;
    const next = real?.ok ? real.value : abs;
    ctx.frame.env.OLDPWD = ctx.frame.cwd;
    ctx.frame.cwd = next;
    ctx.frame.env.PWD = next;
    return ok(print ? `${next}\n` : '');
  },
});

export const pwd = defineCommand({
  name: 'pwd',
  builtin: 'and-file',
  dir: '/bin',
  summary: 'print the name of the current working directory',
  usage: 'pwd [-LP]',
  run(ctx) {
    const bad = ctx.args.find((a) => a.startsWith('-') && !/^-[LP]+$/.test(a) && a !== '--');
    if (bad) return fail(`-bash: pwd: ${bad.slice(0, 2)}: invalid option\npwd: usage: pwd [-LP]\n`, 2);
    if (ctx.args.some((a) => /^-[LP]*P/.test(a))) {
      const real = realPath(ctx.world, ctx.host, ctx.frame.cwd);
      if (real.ok) return ok(`${real.value}\n`);
    }
    return ok(`${ctx.frame.cwd}\n`);
  },
});
