// Events the agents send the Manager when a VM changes state. One can be lost (a fault): the
// Manager then keeps the VM in its transitional status ("Stopping" / "Shutting Down") for good.
import type { WorldState } from '../types';
import type { ManagerState, MgrVm, MgrVmStatus } from './types';
import { managerEvent, setVmBelief, touch } from './state';

/** The agent reports a VM's new state; returns false when the event was lost on the way. */
export function agentVmEvent(world: WorldState, m: ManagerState, vm: MgrVm, status: MgrVmStatus, server: string | null): boolean {
  const lost = m.loseEventFor.indexOf(vm.id);
  if (lost >= 0) {
    m.loseEventFor.splice(lost, 1);
    vm.stuck = true;
    touch(m);
    return false;
  }
  delete vm.stuck;
  const before = vm.status;
  setVmBelief(m, vm, status, server);
  if (before !== status) managerEvent(world, m, 'INFORMATIONAL', vm.name, 'vm.status', `Virtual machine ${vm.name} is ${status}${server ? ` on ${server}` : ''}`);
  return true;
}

/** Arms the "lost agent event" fault for a VM's next state change. */
export function loseNextEvent(m: ManagerState, vm: MgrVm): void {
  if (!m.loseEventFor.includes(vm.id)) m.loseEventFor.push(vm.id);
  touch(m);
}
