// labs/README.md lists every check, quiz query and fault action with its arguments and summary,
// generated from the registries (UPDATE_README=1 rewrites the tables).
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkRegistry } from '../../src/labs/checks';
import { faultRegistry } from '../../src/labs/faults';
import { queryRegistry } from '../../src/labs/queries';

const FILE = new URL('../../labs/README.md', import.meta.url);

interface Def {
  summary: string;
  args: Record<string, Record<string, unknown>>;
  required: readonly string[];
  menu?: string;
}

function table(registry: Readonly<Record<string, Def>>): string {
  const rows = Object.entries(registry)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([name, d]) => {
      const args = Object.keys(d.args).map((a) => (d.required.includes(a) ? `\`${a}\`` : `\`${a}?\``)).join(', ') || '—';
      return `| \`${name}\` | ${args} | ${d.summary.replace(/\|/g, '\\|')}${d.menu ? ` (sandbox menu: ${d.menu})` : ''} |`;
    });
  return ['| name | arguments | what it means |', '|---|---|---|', ...rows].join('\n');
}

function fill(text: string, key: string, body: string): string {
  const re = new RegExp(`(<!-- ${key}:begin[^>]*-->\\n)[\\s\\S]*?(<!-- ${key}:end -->)`);
  return text.replace(re, `$1${body}\n$2`);
}

describe('labs/README.md', () => {
  it('documents every check, query and fault action', () => {
    const current = readFileSync(FILE, 'utf8');
    let fresh = fill(current, 'checks', table(checkRegistry as unknown as Record<string, Def>));
    fresh = fill(fresh, 'queries', table(queryRegistry as unknown as Record<string, Def>));
    fresh = fill(fresh, 'faults', table(faultRegistry as unknown as Record<string, Def>));
    if (process.env.UPDATE_README) writeFileSync(FILE, fresh);
    expect(current === fresh, 'labs/README.md tables are stale: UPDATE_README=1 npx vitest run test/labs/readme.test.ts').toBe(true);
  });
});
