// `npm run bench`: runs every benchmark (vitest *.bench.ts files for the engine, then the
// browser figures), merges them into results.json and writes RESULTS.md with date and machine.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem, release, platform } from 'node:os';
import { join } from 'node:path';
import { browserBench, startupOnly, workshopOnly } from './browser.bench.js';
import { findBrowser } from '../e2e/find-browser.js';
import { managerPageBench } from './manager-page.bench.js';

const here = import.meta.dirname;
const root = join(here, '..', '..');
const partsDir = join(here, '.parts');
rmSync(partsDir, { recursive: true, force: true });
mkdirSync(partsDir, { recursive: true });

// BENCH_ONLY=startup: only the page's start-up figures, merged into the last results.json.
if (process.env.BENCH_ONLY === 'startup') {
  const last = JSON.parse(readFileSync(join(here, 'results.json'), 'utf8'));
  // The other figures keep their own date; the start-up ones say when and under what load.
  last.page = { ...last.page, ...(await startupOnly()), startupMeasuredAt: new Date().toISOString(), startupLoadAverage1m: loadavg()[0] };
  writeFileSync(join(here, 'results.json'), JSON.stringify(last, null, 2) + '\n');
  writeFileSync(join(here, 'RESULTS.md'), renderMarkdown(last));
  console.log(JSON.stringify(last.page, null, 2));
  process.exit(0);
}

// BENCH_ONLY=workshop: the workshop's figures only (node: workshop.bench.ts, which also writes the
// hand-in files; browser: workshop-browser.bench.js), merged into the last results.json.
if (process.env.BENCH_ONLY === 'workshop') {
  const last = JSON.parse(readFileSync(join(here, 'results.json'), 'utf8'));
  const run = spawnSync('npx', ['vitest', 'run', '--config', 'test/bench/vitest.bench.config.ts', 'test/bench/workshop.bench.ts'], { cwd: root, stdio: 'inherit' });
  if (run.status !== 0) throw new Error('workshop.bench.ts failed');
  const node = JSON.parse(readFileSync(join(partsDir, 'workshop.json'), 'utf8'));
  last.workshop = { ...node, browser: await workshopOnly(), measuredAt: new Date().toISOString() };
  writeFileSync(join(here, 'results.json'), JSON.stringify(last, null, 2) + '\n');
  writeFileSync(join(here, 'RESULTS.md'), renderMarkdown(last));
  console.log(JSON.stringify(last.workshop, null, 2));
  process.exit(0);
}

// BENCH_ONLY=manager: the Manager tab on the 400-VM estate (manager-page.bench.js), merged into the last results.json.
if (process.env.BENCH_ONLY === 'manager') {
  const last = JSON.parse(readFileSync(join(here, 'results.json'), 'utf8'));
  last.managerPage = { ...(await managerPageBench({ build: true })), measuredAt: new Date().toISOString() };
  writeFileSync(join(here, 'results.json'), JSON.stringify(last, null, 2) + '\n');
  writeFileSync(join(here, 'RESULTS.md'), renderMarkdown(last));
  console.log(JSON.stringify(last.managerPage, null, 2));
  process.exit(0);
}

const engineRun = spawnSync('npx', ['vitest', 'run', '--config', 'test/bench/vitest.bench.config.ts'], { cwd: root, stdio: 'inherit' });
if (engineRun.status !== 0) console.error('warning: some engine benchmarks failed; their figures are missing');

const results = { date: new Date().toISOString(), machine: machine() };
for (const f of readdirSync(partsDir).filter((x) => x.endsWith('.json')).sort()) {
  results[f.replace(/\.json$/, '')] = JSON.parse(readFileSync(join(partsDir, f), 'utf8'));
}
const browserFigures = await browserBench();
results.page = browserFigures.page;
if (browserFigures.workshop) results.workshop = { ...results.workshop, browser: browserFigures.workshop };

// After browserBench: it reuses that build.
results.managerPage = await managerPageBench();

writeFileSync(join(here, 'results.json'), JSON.stringify(results, null, 2) + '\n');
writeFileSync(join(here, 'RESULTS.md'), renderMarkdown(results));
console.log(JSON.stringify(results.page, null, 2));
console.log('wrote test/bench/results.json and test/bench/RESULTS.md');

function machine() {
  let chromium = 'unknown';
  const exe = findBrowser();
  try {
    if (exe) chromium = execFileSync(exe, ['--version'], { encoding: 'utf8' }).trim();
  } catch {}
  const c = cpus();
  return { cpu: c[0]?.model ?? 'unknown', cores: c.length, memoryGiB: Math.round(totalmem() / 2 ** 30), os: `${platform()} ${release()}`, node: process.version, chromium };
}

function renderMarkdown(r) {
  const lines = [
    '# Benchmark results',
    '',
    `Measured ${r.date.slice(0, 10)} on ${r.machine.cpu} (${r.machine.cores} cores, ${r.machine.memoryGiB} GiB), ${r.machine.os}, Node ${r.machine.node}, ${r.machine.chromium}.`,
    'Produced by `npm run bench`; the raw figures are in `results.json`. Notes on method and on where time goes are kept below the tables.',
    '',
  ];
  for (const [area, figures] of Object.entries(r)) {
    if (area === 'date' || area === 'machine' || typeof figures !== 'object') continue;
    lines.push(`## ${area}`, '', '| figure | value |', '|---|---|');
    for (const [k, v] of flatten(figures)) lines.push(`| ${k} | ${typeof v === 'number' ? v : JSON.stringify(v)} |`);
    lines.push('');
  }
  const notes = join(here, 'NOTES.md');
  if (existsSync(notes)) lines.push(readFileSync(notes, 'utf8'));
  return lines.join('\n') + '\n';
}

function flatten(obj, prefix = '') {
  const out = [];
  for (const [k, v] of Object.entries(obj)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (v && typeof v === 'object' && !Array.isArray(v)) out.push(...flatten(v, key));
    else out.push([key, v]);
  }
  return out;
}
