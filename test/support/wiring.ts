// vitest setup file: every test file runs with the engine's wiring (sim/wiring's /proc, /sys and
// VBD router; the shell's tail -f follower), as the app has after createEngine(). A test that
// builds a Sim by hand therefore sees the same world; nothing registers itself on import any more.
import { wireEngine } from '../../src/engine/wiring';
import { loadLabTooling } from '../../src/labs/loader';
import { loadRe2 } from '../../src/shell/commands/text/linear-regex';
import { wireCommands } from '../../src/shell/registry';

wireEngine();
// What the commands hook in (where each is installed, tail -f, the Manager's ssh targets), as the
// engine's registry wires it when it loads: a test with a registry of a few commands sees the same dom0.
wireCommands();
// The app's engine loads the lab tooling (YAML parser, validators) on demand; tests have it at once.
await loadLabTooling();
// The engine loads RE2 with its commands; tests that build a registry by hand have it at once.
await loadRe2();
