// The one place the engine's layers are plugged together at start: the world's registries
// (sim/wiring: /proc, /sys, the VBD router) and the shell's `tail -f`, which follows files with a
// full-screen program of src/tty. Called by createEngine(); test harnesses call it too.
import { wireSim } from '../sim/wiring';
import { normalizePath } from '../sim/vfs';
import { registerTailFollow } from '../shell/commands/text/head-tail-wc';
import { tailFollow } from '../programs/tail-follow';
import { registerSshTarget } from '../shell/commands/net/ssh-targets';
import { registerOvmCli } from '../shell/commands/manager/ovm-cli';

export function wireEngine(): void {
  wireSim();
  registerTailFollow((req) => tailFollow(req.files.map((f) => ({ path: normalizePath(f.path), display: f.name })), { headers: req.headers }));
  // `ssh admin@<manager> -p 10000`: the Oracle VM Manager CLI.
  registerOvmCli(registerSshTarget);
}
