// A class's assessment options enforced in the engine: with hints off or the solution hidden,
// `hint` and `solution` refuse (typed or from the panel alike), and a re-grade replays the same
// refusals because it boots with the hand-in's options.
import { fail, type CommandSpec, type Registry } from '../shell/types';
import type { ClassPolicy } from './class-format';

export const HINTS_OFF = 'hint: hints are off in this class (an assessment): work it out from the briefing and the objectives\n';
export const SOLUTION_OFF = 'solution: the solution is hidden in this class (an assessment)\n';

export function wrapPolicy(inner: Registry, policy: () => ClassPolicy | null): Registry {
  const refuse = (spec: CommandSpec, text: string): CommandSpec => ({ ...spec, run: (ctx) => (blocked(spec.name) ? fail(text) : spec.run(ctx)) });
  const blocked = (name: string): boolean => {
    const p = policy();
    return (name === 'hint' && p?.hints === 'off') || (name === 'solution' && p?.solution === 'hidden');
  };
  const wrapped = new Map<string, CommandSpec>();
  return {
    names: () => inner.names(),
    get(name) {
      const spec = inner.get(name);
      if (!spec || (name !== 'hint' && name !== 'solution')) return spec;
      let w = wrapped.get(name);
      if (!w) wrapped.set(name, (w = refuse(spec, name === 'hint' ? HINTS_OFF : SOLUTION_OFF)));
      return w;
    },
  };
}
