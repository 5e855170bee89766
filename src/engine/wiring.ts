// The one place the engine's layers are plugged together at start: the world's registries
// (sim/wiring: /proc, /sys, the VBD router) and the generated binary directories. What the
// commands hook in (the directories' contents, `tail -f`, the Manager's ssh targets) is wired by
// the command registry when it loads (shell/registry.ts wireCommands), after the first prompt.
import { wireSim } from '../sim/wiring';
import { registerCommandDirs } from '../shell/command-paths';

export function wireEngine(): void {
  wireSim();
  registerCommandDirs();
}
