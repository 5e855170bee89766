// The one registry of lab checks: every name a lab may use in `check:`, with its argument
// schema. all / any / not compose them (runtime/evaluate.ts). Add a family here with one spread.
import { agentChecks } from './checks/agent';
import { ovm22Checks } from './checks/ovm22';
import { storageChecks } from './checks/storage';
import { systemChecks } from './checks/system';
import { xenChecks } from './checks/xen';
import { windowsChecks } from './checks/windows';
import { managerChecks } from './checks/manager';
import { managerBackupChecks } from './checks/manager-backup';
import type { CheckDef } from './check-kit';

// The `satisfies` keeps each check's own argument type while proving they are all checks.
export const CHECKS = {
  ...xenChecks,
  ...windowsChecks,
  ...systemChecks,
  ...storageChecks,
  ...agentChecks,
  ...ovm22Checks,
  ...managerChecks,
  ...managerBackupChecks,
} satisfies Record<string, CheckDef<never>>;

export type CheckName = keyof typeof CHECKS;

/** The registry seen by name, for the evaluator and the schema builder. */
export const checkRegistry: Readonly<Record<string, CheckDef<never>>> = CHECKS;
