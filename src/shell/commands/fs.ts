// File commands of dom0 (coreutils 8.4 / findutils 4.4 on Oracle Linux 6), one module per group
// in commands/fs/: listing, navigation, reading, copying, creating/removing, finding, sizes.
import { cat } from './fs/cat';
import { cp, mv } from './fs/copy';
import { ln, mkdir, rm, rmdir, touch } from './fs/create';
import { find } from './fs/find';
import { du, stat } from './fs/info';
import { ls } from './fs/ls';
import { cd, pwd } from './fs/nav';
import type { CommandSpec } from '../types';

export const fs: readonly CommandSpec[] = [ls, cd, pwd, cat, cp, mv, rm, rmdir, mkdir, touch, ln, find, du, stat];
