// Turns ajv's errors into lines a lab author can act on:
// `objectives[1].check.path_state.map: expected string`.

export interface AjvError {
  instancePath: string;
  schemaPath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}

/** `/objectives/1/check/path_state/map` → `objectives[1].check.path_state.map`. */
export function dotPath(instancePath: string): string {
  let out = '';
  for (const raw of instancePath.split('/').slice(1)) {
    const part = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    out += /^\d+$/.test(part) ? `[${part}]` : out ? `.${part}` : part;
  }
  return out;
}

const PATTERN_TEXT: Record<string, string> = {
  '\\S': 'must not be empty',
  '[\\s\\S]': 'must not be empty',
  '^[a-z0-9][a-z0-9-]*$': 'expected an id of lower-case letters, digits and dashes',
  '^[a-z][a-z0-9_]*$': 'expected a name of lower-case letters, digits and underscores',
  '^[0-9a-f]{32}$': 'expected 32 lower-case hex digits (an OVM 3 object id)',
};

const ONE_OF_TEXT: Array<[RegExp, string]> = [
  [/\/objectives\/items\/oneOf$/, 'an objective needs exactly one of “check” or “quiz”'],
  [/\/faults\/items\/oneOf$/, 'a fault needs exactly one trigger: “at”, “after” or “on_command”'],
  [/\/solution\/items\/oneOf$/, 'a solution step is {host, run}, {host, keys, note}, {wait} or {answer}'],
  [/\/quiz\/oneOf$/, 'a quiz needs exactly one of “accept” or “query”'],
];

/** What kind of named node an additional property sits in, from where it is in the document. */
function unknownKeyText(e: AjvError): string {
  const key = String(e.params.additionalProperty);
  const at = e.instancePath;
  if (/\/check$|\/(all|any)\/\d+$|\/not$/.test(at)) return `unknown check “${key}”`;
  if (/\/do$/.test(at)) return `unknown fault action “${key}”`;
  if (/\/query$|^\/facts\/[^/]+$/.test(at)) return `unknown query “${key}”`;
  return `unknown field “${key}”`;
}

function describe(e: AjvError): string {
  switch (e.keyword) {
    case 'type':
      return `expected ${String(e.params.type).replace(/,/g, ' or ')}`;
    case 'required':
      return `missing “${String(e.params.missingProperty)}”`;
    case 'additionalProperties':
      return unknownKeyText(e);
    case 'enum':
      return `expected one of ${(e.params.allowedValues as unknown[]).map(String).join(', ')}`;
    case 'pattern': {
      const p = String(e.params.pattern);
      return PATTERN_TEXT[p] ?? (p.includes('\\d+h') ? 'expected a duration like 30s, 2m or 1m30s' : `must match ${p}`);
    }
    case 'minItems':
      return `expected at least ${String(e.params.limit)} item${e.params.limit === 1 ? '' : 's'}`;
    case 'minimum':
      return `expected ≥ ${String(e.params.limit)}`;
    case 'maximum':
      return `expected ≤ ${String(e.params.limit)}`;
    case 'maxItems':
      return `expected at most ${String(e.params.limit)} items`;
    case 'maxProperties':
      if (e.params.limit !== 1) return `expected at most ${String(e.params.limit)} entries`;
    // falls through: a named node (a check, a fault action, a query) has exactly one key.
    case 'minProperties':
      if (/\/expect$/.test(e.instancePath)) return 'expected “unmet” or “broken”';
      return 'expected exactly one key (a check name, all, any or not)';
    case 'oneOf':
      return ONE_OF_TEXT.find(([re]) => re.test(e.schemaPath))?.[1] ?? 'matches none (or several) of the allowed shapes';
    default:
      return e.message ?? e.keyword;
  }
}

/** One line per problem, most specific first, without the noise oneOf alternatives produce. */
export function formatErrors(errors: readonly AjvError[] | null | undefined): string[] {
  if (!errors?.length) return [];
  // A oneOf's branches each complain ("missing check", "missing quiz"); the oneOf line says it better.
  const kept = errors.filter((e) => !(e.keyword === 'required' && /\/oneOf\/\d+\/required$/.test(e.schemaPath)));
  // Errors inside an alternative that failed (e.g. a run: that is neither text nor a list) repeat.
  const lines = kept.filter((e) => e.keyword !== 'anyOf').map((e) => {
    const at = dotPath(e.instancePath);
    const where = e.keyword === 'required' || (e.keyword === 'additionalProperties' && !at) ? at : at;
    return `${where || '(top)'}: ${describe(e)}`;
  });
  return [...new Set(lines)];
}
