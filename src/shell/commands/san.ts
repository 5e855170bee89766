// The SAN family: multipath tools, disk utilities, device-mapper, SCSI and the array's CLI.
// One array registered in shell/registry.ts.
import type { CommandSpec } from '../types';
import { multipath } from './multipath';
import { multipathd } from './multipathd';

export const san: readonly CommandSpec[] = [multipath, multipathd];
