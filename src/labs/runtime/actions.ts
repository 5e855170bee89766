// What the lab commands (`hint`, `answer`, `solution`, `objectives`, `fault`) do, as functions
// returning the text to print: the shell family and the panel both go through the commands.
import { evaluateLab, answerQuiz, labOf, markSolutionShown, revealHint } from './runtime';
import { buildLabView, solutionSteps } from './build-view';
import { faultRegistry, runFault } from '../faults';
import { recordEvent } from '../../sim/events';
import { own } from '../own';
import type { Sim } from '../../sim/sim';

export interface ActionResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

const out = (stdout: string): ActionResult => ({ stdout, stderr: '', exitCode: 0 });
const err = (stderr: string, exitCode = 1): ActionResult => ({ stdout: '', stderr, exitCode });
const NO_LAB = (cmd: string) => err(`${cmd}: this is the free sandbox, not a lab (open a lab from the catalog)\n`);

export function objectivesAction(sim: Sim): ActionResult {
  const v = buildLabView(sim);
  if (!v) return NO_LAB('objectives');
  const width = Math.max(...v.objectives.map((o) => o.id.length), ...v.constraints.map((c) => c.id.length));
  const lines = [`${v.title} (${v.id}, seed ${v.seed})`, `Score ${v.score}/${v.maxScore} · hints used ${v.hintsUsed} · ${v.status.replace(/-/g, ' ')}`, ''];
  for (const o of v.objectives) {
    lines.push(`  [${o.met ? 'x' : ' '}] ${o.id.padEnd(width)}  ${o.text} (${o.points})`);
    if (o.reason) lines.push(`      ${' '.repeat(width)}  ${o.reason}`);
  }
  if (v.constraints.length) {
    lines.push('', 'Constraints:');
    for (const c of v.constraints) lines.push(`  [${c.broken ? '!' : 'x'}] ${c.id.padEnd(width)}  ${c.text}${c.reason ? ` — ${c.reason}` : ''}`);
  }
  return out(lines.join('\n') + '\n');
}

export function hintAction(sim: Sim, objectiveId: string | undefined): ActionResult {
  const lab = labOf(sim.world);
  const rec = sim.world.lab;
  if (!lab || !rec) return NO_LAB('hint');
  const o = objectiveId === undefined ? lab.doc.objectives.find((x) => !rec.met.includes(x.id)) : lab.doc.objectives.find((x) => x.id === objectiveId);
  if (!o) return objectiveId === undefined ? out('Every objective is met: no hint needed.\n') : err(`hint: no objective “${objectiveId}” (objectives: ${lab.doc.objectives.map((x) => x.id).join(', ')})\n`);
  const h = revealHint(sim.world, o.id);
  if (!h) return out(`No more hints for ${o.id}. \`solution\` shows the whole solution.\n`);
  return out(`Hint ${h.n} of ${h.total} (${o.id}): ${h.text}\n`);
}

export function answerAction(sim: Sim, args: readonly string[]): ActionResult {
  const lab = labOf(sim.world);
  if (!lab || !sim.world.lab) return NO_LAB('answer');
  const quizzes = lab.doc.objectives.filter((o) => o.quiz);
  if (!args.length) {
    if (!quizzes.length) return out('This lab has no questions to answer.\n');
    const lines = quizzes.map((o) => `  ${o.id}: ${o.quiz!.question ?? o.text}${own(sim.world.lab!.answers, o.id)?.correct ? '  (answered)' : ''}`);
    return out(`Questions (answer with: answer ID VALUE):\n${lines.join('\n')}\n`);
  }
  const [id, ...rest] = args;
  const value = rest.join(' ');
  if (!value.trim()) return err(`answer: usage: answer ${id} VALUE\n`, 2);
  const r = answerQuiz(sim, id!, value);
  if ('error' in r) return err(`answer: ${r.error} (questions: ${quizzes.map((o) => o.id).join(', ') || 'none'})\n`);
  evaluateLab(sim);
  return r.correct ? out('Correct.\n') : err(`Not quite. Look again (or: hint ${id}).\n`);
}

export function solutionAction(sim: Sim, args: readonly string[]): ActionResult {
  const lab = labOf(sim.world);
  if (!lab || !sim.world.lab) return NO_LAB('solution');
  if (args[0] !== '--show') {
    if (args.length) return err(`solution: unknown option ${args[0]} (use: solution --show)\n`, 2);
    if (sim.world.lab.solutionShownMs === null) {
      return err('Showing the solution records this lab as solved with solution, never as solved.\nTo see it anyway, run: solution --show\n');
    }
  }
  markSolutionShown(sim.world);
  evaluateLab(sim);
  const lines: string[] = [];
  for (const s of solutionSteps(sim, lab)) {
    if (s.host) lines.push(`On ${s.host}:`);
    for (const l of s.lines) lines.push(`    ${l}`);
    if (s.note) lines.push(`  (${s.note})`);
  }
  return out(lines.join('\n') + '\n');
}

/** `fault` in the free sandbox: list the menu, or inject one (`fault NAME key=value …`). */
export function faultAction(sim: Sim, args: readonly string[]): ActionResult {
  if (sim.world.lab) return err('fault: the faults of a lab are part of the exercise; inject your own in the sandbox\n');
  const menu = Object.entries(faultRegistry).filter(([, d]) => d.menu);
  if (!args.length) {
    const rows = menu.map(([name, d]) => `  ${name.padEnd(16)} ${d.menu}: ${Object.keys(d.args).map((a) => (d.required.includes(a) ? `${a}=…` : `[${a}=…]`)).join(' ')}`);
    return out(`Faults you can inject (fault NAME key=value …):\n${rows.join('\n')}\n`);
  }
  const [name, ...kv] = args;
  const def = own(faultRegistry, name!);
  if (!def?.menu) return err(`fault: unknown fault “${name}” (run fault for the list)\n`, 2);
  const params: Record<string, unknown> = {};
  for (const pair of kv) {
    const i = pair.indexOf('=');
    const key = i > 0 ? pair.slice(0, i) : '';
    const schema = own(def.args, key);
    if (!schema) return err(`fault: ${name}: unknown argument “${pair}” (takes ${Object.keys(def.args).join(', ')})\n`, 2);
    const raw = pair.slice(i + 1);
    const type = schema.type;
    if (type === 'integer' || type === 'number') {
      const n = Number(raw);
      if (!Number.isFinite(n) || (type === 'integer' && !Number.isInteger(n))) return err(`fault: ${name}: ${key} must be a number\n`, 2);
      const lo = (schema.minimum ?? schema.exclusiveMinimum) as number | undefined;
      const hi = schema.maximum as number | undefined;
      if ((lo !== undefined && (n < lo || (schema.exclusiveMinimum !== undefined && n === lo))) || (hi !== undefined && n > hi)) {
        return err(`fault: ${name}: ${key} must be ${schema.exclusiveMinimum !== undefined ? 'above' : 'at least'} ${lo ?? '-∞'}${hi !== undefined ? ` and at most ${hi}` : ''}\n`, 2);
      }
      params[key] = n;
    } else if (type === 'boolean') params[key] = raw === 'true' || raw === 'yes' || raw === '1';
    else {
      const allowed = schema.enum as string[] | undefined;
      if (allowed && !allowed.includes(raw)) return err(`fault: ${name}: ${key} must be one of ${allowed.join(', ')}\n`, 2);
      params[key] = raw;
    }
  }
  const missing = def.required.filter((k) => params[k] === undefined);
  if (missing.length) return err(`fault: ${name}: missing ${missing.map((k) => `${k}=…`).join(' ')}\n`, 2);
  const e = runFault(sim, { [name!]: params });
  if (e) return err(`fault: ${name}: ${e}\n`);
  recordEvent(sim.world, null, 'sandbox.fault', `Fault injected: ${def.menu} (${kv.join(' ') || 'no arguments'})`);
  return out('');
}
