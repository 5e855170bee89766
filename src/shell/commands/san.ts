// The SAN family: multipath tools, disk utilities, device-mapper, SCSI and the array's CLI.
// One array registered in shell/registry.ts (the generated /sys trees are wired in by sim/wiring.ts).
import type { CommandSpec } from '../types';
import { blockdev, kpartx, partprobe } from './disk';
import { dmsetup } from './dmsetup';
import { fdisk } from './fdisk';
import { lsscsi } from './scsi';
import { multipath } from './multipath';
import { multipathd } from './multipathd';
import { naviseccli } from './naviseccli';

export const san: readonly CommandSpec[] = [multipath, multipathd, fdisk, blockdev, kpartx, partprobe, dmsetup, lsscsi, naviseccli];
