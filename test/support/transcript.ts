// Parses and runs golden shell sessions (test/transcripts/README.md describes the format).
import { bootEngine, plain } from './engine';

export interface SessionStep {
  line: number;
  command: string;
  expected: string;
  expectedExit?: number;
  /** Seconds to advance the clock before this command. */
  advanceS: number;
  /** The output ends without a newline (a program's prompt): set by `@noeol`. */
  noEol?: boolean;
}

export interface ParsedSession {
  seed: number;
  scenario: string;
  host: string | null;
  cols: number;
  steps: SessionStep[];
}

export function parseSession(text: string, name = 'session'): ParsedSession {
  const s: ParsedSession = { seed: 42, scenario: 'default', host: null, cols: 80, steps: [] };
  let current: SessionStep | null = null;
  let body: string[] = [];
  let pendingAdvance = 0;
  const close = (keepTrailing = false) => {
    if (!current) return;
    if (!keepTrailing) while (body.length && body[body.length - 1] === '') body.pop();
    current.expected = body.length ? body.join('\n') + (current.noEol ? '' : '\n') : '';
    s.steps.push(current);
    current = null;
    body = [];
  };
  text.split('\n').forEach((raw, idx) => {
    if (raw.startsWith('$ ')) {
      close();
      current = { line: idx + 1, command: raw.slice(2), expected: '', advanceS: pendingAdvance };
      pendingAdvance = 0;
      return;
    }
    const directive = /^@(\w+)(?:\s+(.*))?$/.exec(raw);
    if (directive) {
      const [, key, value = ''] = directive;
      if (key === 'exit') {
        if (!current) throw new Error(`${name}:${idx + 1}: @exit before any command`);
        current.expectedExit = Number(value);
        return;
      }
      if (key === 'noeol') {
        if (!current) throw new Error(`${name}:${idx + 1}: @noeol before any command`);
        current.noEol = true;
        return;
      }
      close(key === 'end');
      if (key === 'seed') s.seed = Number(value);
      else if (key === 'scenario') s.scenario = value.trim();
      else if (key === 'host') s.host = value.trim();
      else if (key === 'cols') s.cols = Number(value);
      else if (key === 'advance') pendingAdvance += Number(value);
      else if (key !== 'end') throw new Error(`${name}:${idx + 1}: unknown directive @${key}`);
      return;
    }
    if (current) body.push(raw);
    else if (raw.trim() && !raw.startsWith('#')) throw new Error(`${name}:${idx + 1}: text before the first command`);
  });
  close();
  return s;
}

export interface StepResult extends SessionStep {
  actual: string;
  actualExit: number;
}

const PROMPT_AT_END = /\[root@[^\]\n]+\]# $/;

export async function runSession(s: ParsedSession): Promise<StepResult[]> {
  const { engine, info } = await bootEngine(s.seed, {}, s.scenario);
  const host = s.host ?? info.hosts[0]!;
  await engine.open('t', host, s.cols, 24);
  engine.setSpeed(1);
  const results: StepResult[] = [];
  for (const step of s.steps) {
    if (step.advanceS) engine.pump(step.advanceS * 1000);
    const out = plain(await engine.input('t', step.command + '\r'));
    const echoed = step.command + '\n';
    let actual = out.startsWith(echoed) ? out.slice(echoed.length) : out;
    actual = actual.replace(PROMPT_AT_END, '');
    const actualExit = engine.sessionInfo('t')?.lastExit ?? NaN;
    results.push({ ...step, actual, actualExit });
  }
  return results;
}
