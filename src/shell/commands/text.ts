// Text commands of dom0 (bash builtins echo/printf, coreutils 8.4, grep 2.6, sed 4.2, gawk 3.1),
// one module per group in commands/text/.
import { awk, gawk } from './text/awk';
import { echo, printf } from './text/echo-printf';
import { grepFamily } from './text/grep';
import { head, tail, wc } from './text/head-tail-wc';
import { basename, dirname, seq, tee, xargs } from './text/pipe-tools';
import { sed } from './text/sed';
import { cut, sort, tr, uniq } from './text/sort-uniq-cut';
import type { CommandSpec } from '../types';

export const text: readonly CommandSpec[] = [echo, printf, ...grepFamily, head, tail, wc, sort, uniq, cut, tr, tee, xargs, seq, basename, dirname, sed, awk, gawk];
