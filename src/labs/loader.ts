// Loads the labs and scenario bases bundled from labs/*.yaml and labs/_scenarios/*.yaml:
// parses YAML (data only, no tags that build objects), validates against the generated schema
// validator over several draws of the variables, and checks what a schema cannot (sizes in
// bounds.ts, unique ids, references between parts).
import { formatErrors, type AjvError } from './schema/errors';
import { mentionedVariables, substitute, validationDraws, type Draw } from './variables';
import { documentErrors, labBoundErrors, LIMITS, TOO_DEEP } from './bounds';
import { hasOwn } from './own';
import type { LabDoc, LabSource, ScenarioBase } from './types';

export type Loaded<T> = { ok: true; value: T } | { ok: false; errors: string[] };

type Validator = ((data: unknown) => boolean) & { errors?: AjvError[] | null };

/** The YAML parser and the validators (lab-tooling.ts), loaded on demand: see loadLabTooling. */
type LabTooling = typeof import('./lab-tooling');
let tooling: LabTooling | null = null;

/** Loads the lab tooling once; every reader of lab files runs after it (the engine awaits it). */
export async function loadLabTooling(): Promise<void> {
  tooling ??= await import('./lab-tooling');
}

function tools(): LabTooling {
  if (!tooling) throw new Error('the lab tooling is not loaded yet (await loadLabTooling() first)');
  return tooling;
}


/** `labs/a1-dom0-orientation.yaml` from a glob key. */
const displayPath = (key: string): string => key.replace(/^(\.\.\/)+/, '');
const stem = (key: string): string => key.slice(key.lastIndexOf('/') + 1).replace(/\.yaml$/, '');

function parseDoc(file: string, text: string): Loaded<Record<string, unknown>> {
  let doc: unknown;
  try {
    // The core schema: no custom tags, so YAML cannot build anything but plain data.
    doc = tools().parseYaml(text, { schema: 'core', uniqueKeys: true, maxAliasCount: LIMITS.yamlAliases, logLevel: 'error' });
  } catch (e) {
    // The reader recurses: a document nested thousands deep runs it out of stack, wherever that is.
    if (e instanceof RangeError || (e instanceof Error && /call stack/i.test(e.message))) return { ok: false, errors: [`${file}: ${TOO_DEEP}`] };
    if (e instanceof tools().YAMLParseError) {
      const pos = e.linePos?.[0];
      const msg = e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
      return { ok: false, errors: [`${file}${pos ? `:${pos.line}:${pos.col}` : ''}: ${msg}`] };
    }
    return { ok: false, errors: [`${file}: ${e instanceof Error ? e.message : String(e)}`] };
  }
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) return { ok: false, errors: [`${file}: expected a mapping at the top`] };
  const sizeErrors = documentErrors(doc);
  if (sizeErrors.length) return { ok: false, errors: sizeErrors.map((e) => `${file}: ${e}`) };
  return { ok: true, value: doc as Record<string, unknown> };
}

function validateWith(validate: Validator, file: string, doc: unknown): string[] {
  return validate(doc) ? [] : formatErrors(validate.errors).map((l) => `${file}: ${l}`);
}

/** Cross-references the schema cannot express. */
function semanticErrors(doc: LabDoc): string[] {
  const errors: string[] = [];
  const ids = new Set<string>();
  doc.objectives.forEach((o, i) => {
    if (ids.has(o.id)) errors.push(`objectives[${i}].id: “${o.id}” is used twice`);
    ids.add(o.id);
  });
  (doc.constraints ?? []).forEach((c, i) => {
    if (ids.has(c.id)) errors.push(`constraints[${i}].id: “${c.id}” is already an objective or constraint id`);
    ids.add(c.id);
  });
  const faultIds = new Set<string>();
  (doc.faults ?? []).forEach((f, i) => {
    if (faultIds.has(f.id)) errors.push(`faults[${i}].id: “${f.id}” is used twice`);
    faultIds.add(f.id);
    if (f.after !== undefined && !doc.objectives.some((o) => o.id === f.after)) errors.push(`faults[${i}].after: no objective “${f.after}”`);
  });
  doc.solution.forEach((s, i) => {
    if ('answer' in s && !doc.objectives.some((o) => o.id === s.answer && o.quiz)) errors.push(`solution[${i}].answer: no quiz objective “${s.answer}”`);
  });
  (doc.traps ?? []).forEach((t, i) => {
    t.steps.forEach((s, j) => {
      if ('answer' in s && !doc.objectives.some((o) => o.id === s.answer && o.quiz)) errors.push(`traps[${i}].steps[${j}].answer: no quiz objective “${s.answer}”`);
    });
    for (const o of t.expect.unmet ?? []) if (!doc.objectives.some((x) => x.id === o)) errors.push(`traps[${i}].expect.unmet: no objective “${o}”`);
    for (const c of t.expect.broken ?? []) if (!(doc.constraints ?? []).some((x) => x.id === c)) errors.push(`traps[${i}].expect.broken: no constraint “${c}”`);
  });
  const { variables: _v, facts: _f, ...rest } = doc;
  const used = mentionedVariables([rest, Object.values(doc.variables ?? {}), doc.facts ?? {}]);
  for (const name of Object.keys(doc.variables ?? {})) if (!used.has(name)) errors.push(`variables.${name}: declared but never used`);
  for (const name of Object.keys(doc.facts ?? {})) {
    if (doc.variables?.[name]) errors.push(`facts.${name}: already a variable`);
    else if (!used.has(name)) errors.push(`facts.${name}: declared but never used`);
  }
  return errors;
}

/** Facts are read from a built world; for validation they stand in as text. */
function factPlaceholders(facts: unknown): Record<string, string> {
  return Object.fromEntries(Object.keys(facts && typeof facts === 'object' ? facts : {}).map((k) => [k, `fact-${k}`]));
}

/** Pick values longer than a variable may be. */
function variableSpecErrors(specs: unknown): string[] {
  const errors: string[] = [];
  for (const [name, spec] of Object.entries(specs && typeof specs === 'object' ? specs : {})) {
    const items = spec && typeof spec === 'object' ? (spec as { pick?: unknown }).pick : undefined;
    if (Array.isArray(items)) items.forEach((v, i) => {
      if (String(v).length > LIMITS.variableChars) errors.push(`variables.${name}.pick[${i}]: longer than ${LIMITS.variableChars} characters`);
    });
  }
  return errors;
}

/** Everything wrong with the lab as one draw of its variables makes it. */
function drawErrors(raw: Record<string, unknown>, draw: Draw): string[] {
  const { variables, facts, ...body } = raw;
  const sub = substitute(body, { ...factPlaceholders(facts), ...draw.vars });
  const factSub = substitute(facts, draw.vars, 'facts');
  const errors = [
    // The first only: every template built on it overflows too.
    ...draw.overflow.slice(0, 1).map((name) => `variables.${name}: more than ${LIMITS.variableChars} characters once filled in`),
    ...sub.errors,
    ...factSub.errors,
  ];
  // Schema errors only when the text is whole: a cut string would add misleading ones.
  if (errors.length) return errors;
  const doc = { ...(sub.value as object), ...(variables === undefined ? {} : { variables }), ...(facts === undefined ? {} : { facts: factSub.value }) };
  const validateLab = tools().validateLab as Validator;
  if (!validateLab(doc)) return formatErrors(validateLab.errors);
  return labBoundErrors(doc as unknown as LabDoc);
}

/**
 * Parses and validates one lab file. Validation runs on the lab as several learners would see
 * it (validationDraws: a few seeds, then every value of every variable), so a value that only
 * some learners draw cannot slip through.
 */
export function loadLabText(id: string, file: string, text: string, allDraws = true): Loaded<LabSource> {
  const parsed = parseDoc(file, text);
  if (!parsed.ok) return parsed;
  const raw = parsed.value;
  const specErrors = variableSpecErrors(raw.variables);
  if (specErrors.length) return { ok: false, errors: specErrors.map((e) => `${file}: ${e}`) };
  // Bundled labs are validated over every draw by their tests; the app checks the first only, so
  // that opening the catalog does not pay for it (a lab from a file or a URL gets every draw).
  const draws = validationDraws(raw.variables as Record<string, unknown> | undefined).slice(0, allDraws ? undefined : 1);
  for (let i = 0; i < draws.length; i++) {
    const errors = drawErrors(raw, draws[i]!);
    if (errors.length) {
      // Seed 1 is what an author sees first; later draws are other learners' values.
      const suffix = i === 0 ? '' : ' (with the values some learners draw)';
      return { ok: false, errors: [...new Set(errors)].map((e) => `${file}: ${e}${suffix}`) };
    }
  }
  const errors = semanticErrors(raw as unknown as LabDoc).map((e) => `${file}: ${e}`);
  if (errors.length) return { ok: false, errors };
  return { ok: true, value: { id, file, doc: raw as unknown as LabDoc } };
}

export function loadScenarioText(name: string, file: string, text: string): Loaded<ScenarioBase> {
  const parsed = parseDoc(file, text);
  if (!parsed.ok) return parsed;
  const errors = validateWith(tools().validateScenario as Validator, file, parsed.value);
  if (errors.length) return { ok: false, errors };
  return { ok: true, value: { name, ...(parsed.value as Omit<ScenarioBase, 'name'>) } };
}

export interface Catalog {
  labs: LabSource[];
  scenarios: Record<string, ScenarioBase>;
  /** Problems with bundled files: tests fail on any; the app shows them instead of the lab. */
  errors: string[];
}

let cached: Catalog | undefined;

/** Every bundled lab and scenario base, loaded once. Labs are sorted by id (a1…, b1…). */
export function bundledCatalog(): Catalog {
  if (cached) return cached;
  const errors: string[] = [];
  const scenarios: Record<string, ScenarioBase> = {};
  for (const [key, text] of Object.entries(tools().SCENARIO_FILES)) {
    const r = loadScenarioText(stem(key), displayPath(key), text);
    if (r.ok) scenarios[r.value.name] = r.value;
    else errors.push(...r.errors);
  }
  const labs: LabSource[] = [];
  for (const [key, text] of Object.entries(tools().LAB_FILES)) {
    const r = loadLabText(stem(key), displayPath(key), text, false);
    if (!r.ok) {
      errors.push(...r.errors);
      continue;
    }
    if (!hasOwn(scenarios, r.value.doc.scenario.base)) errors.push(`${r.value.file}: scenario.base: no scenario “${r.value.doc.scenario.base}” in labs/_scenarios/`);
    else labs.push(r.value);
  }
  labs.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  cached = { labs, scenarios, errors };
  return cached;
}

/** Labs added at run time (a lab being written, a test's fixture), found beside the bundled ones. */
const extra = new Map<string, LabSource>();

export function addLab(source: LabSource): void {
  extra.set(source.id, source);
}

export function removeLab(id: string): void {
  extra.delete(id);
}

export function findLab(id: string): LabSource | undefined {
  return extra.get(id) ?? bundledCatalog().labs.find((l) => l.id === id);
}
