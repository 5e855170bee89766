// The Manager-side faults of the fault registry (faults.ts spreads them in): a lost agent event,
// a corrupt pool file system, a crashed pool master, a Manager restart. Each is a named function
// of sim/manager/faults.ts, recorded in the world's event log.
import { recordEvent } from '../sim/events';
import { corruptPoolFs, crashPoolMaster, loseAgentEvent, restartManager } from '../sim/manager/faults';
import { reinstallManager } from '../sim/manager/dbbackup';
import { str } from './check-kit';
import type { FaultDef } from './faults';

export const MANAGER_FAULTS = {
  lost_agent_event: {
    summary: 'The next state change of a VM never reaches the Oracle VM Manager (its agent event is lost): the Manager keeps showing the old, transitional status.',
    args: { vm: str },
    required: ['vm'],
    menu: 'Lost agent event',
    run({ world }, a) {
      const err = loseAgentEvent(world, a.vm);
      if (!err) recordEvent(world, null, 'fault.lost-event', `the next agent event of ${a.vm} will be lost`);
      return err;
    },
  } satisfies FaultDef<{ vm: string }>,
  poolfs_corrupt: {
    summary: 'The server pool\'s pool file system is corrupt: the Manager loses the pool\'s repositories and cannot manage its VMs (seed: "Corrupt PoolFS -> no Repository -> no VM").',
    args: { pool: str },
    required: [],
    menu: 'Corrupt pool file system',
    run({ world }, a) {
      const err = corruptPoolFs(world, a.pool);
      if (!err) recordEvent(world, null, 'fault.poolfs', `the pool file system of ${a.pool ?? 'the server pool'} is corrupt`);
      return err;
    },
  } satisfies FaultDef<{ pool?: string }>,
  pool_master_crash: {
    summary: 'The server the Manager has as pool master crashes (kernel panic); it is back after back_after_s seconds (default 600).',
    args: { pool: str, back_after_s: { type: 'integer', minimum: 1, maximum: 86400 } },
    required: [],
    menu: 'Crashed pool master',
    run({ world }, a) {
      return crashPoolMaster(world, a.pool, a.back_after_s ?? 600);
    },
  } satisfies FaultDef<{ pool?: string; back_after_s?: number }>,
  manager_restart: {
    summary: 'Oracle VM Manager restarts: for down_s seconds (default 60) nothing answers and jobs in flight are aborted; statuses catch up with the agents\' next reports.',
    args: { down_s: { type: 'integer', minimum: 1, maximum: 3600 } },
    required: [],
    menu: 'Manager restart',
    run({ world }, a) {
      const err = restartManager(world, a.down_s ?? 60);
      if (!err) recordEvent(world, null, 'fault.manager-restart', 'Oracle VM Manager is restarting');
      return err;
    },
  } satisfies FaultDef<{ down_s?: number }>,
  manager_reinstalled: {
    summary: 'Oracle VM Manager 3.x is installed again (new disks) with its old UUID: its database is empty — no pools, servers, repositories, VMs, jobs or events — until a backup under /u01/app/oracle/mysql/dbbackup (kept) is restored with RestoreDatabase.sh.',
    args: {},
    required: [],
    menu: 'Manager reinstalled (empty database)',
    run({ world }) {
      const m = world.manager;
      const err = m ? reinstallManager(world, m) : 'no Oracle VM Manager in this data centre';
      if (!err) recordEvent(world, null, 'fault.manager-reinstalled', 'Oracle VM Manager was installed again with an empty database');
      return err;
    },
  } satisfies FaultDef<Record<string, never>>,
};
