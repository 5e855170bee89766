// The one registry of Manager actions (what a job can do), by name.
import { VM_ACTIONS } from './actions-vm';
import { VM_EDIT_ACTIONS } from './actions-vm-edit';
import { INFRA_ACTIONS } from './actions-infra';
import { DISCOVER_ACTIONS } from './actions-discover';
import type { ActionDef } from './action-types';

export type { ActionArgs, ActionDef } from './action-types';

export const ACTIONS: Readonly<Record<string, ActionDef>> = { ...VM_ACTIONS, ...VM_EDIT_ACTIONS, ...INFRA_ACTIONS, ...DISCOVER_ACTIONS };
