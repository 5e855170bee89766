// The JSON schema of a lab file, built from the check, query and fault registries so that an
// unknown check or a bad argument is a validation error naming its path. The generated
// validator (generated/validate-lab.ts) is compiled from this by ajv; see schema/generate.ts.
import { checkRegistry } from '../checks';
import { faultRegistry } from '../faults';
import { queryRegistry } from '../queries';
import { HALS } from '../../sim/xen/windows-volume';
import type { JsonSchema } from '../check-kit';

const text: JsonSchema = { type: 'string', pattern: '\\S' };
const id: JsonSchema = { type: 'string', pattern: '^[a-z0-9][a-z0-9-]*$' };
const duration: JsonSchema = { type: 'string', pattern: '^(?=\\d)(?:\\d+h)?(?:\\d+m)?(?:\\d+s)?$' };
/** Bounded counts and sizes (limits.ts bounds what a schema cannot see). */
const upTo = (maximum: number): JsonSchema => ({ type: 'integer', minimum: 1, maximum });
const list = (items: JsonSchema, maxItems: number, minItems = 0): JsonSchema => ({ type: 'array', items, ...(minItems ? { minItems } : {}), maxItems });
const scalar: JsonSchema = { type: ['string', 'number'] };

interface ArgDef {
  args: Record<string, JsonSchema>;
  required: readonly string[];
}

/** `{ name: { ...args } }` with exactly one registered name, each with its own argument schema. */
function namedNode(registry: Readonly<Record<string, ArgDef>>, extra: Record<string, JsonSchema> = {}): JsonSchema {
  const properties: Record<string, JsonSchema> = { ...extra };
  for (const [name, def] of Object.entries(registry)) {
    properties[name] = { type: 'object', properties: def.args, required: [...def.required], additionalProperties: false };
  }
  return { type: 'object', properties, additionalProperties: false, minProperties: 1, maxProperties: 1 };
}

const checkNode = namedNode(checkRegistry, {
  all: list({ $ref: '#/$defs/check' }, 32, 1),
  any: list({ $ref: '#/$defs/check' }, 32, 1),
  not: { $ref: '#/$defs/check' },
});

const bigInt: JsonSchema = { type: 'integer', minimum: -1e9, maximum: 1e9 };

const variable: JsonSchema = {
  type: 'object',
  minProperties: 1,
  maxProperties: 1,
  additionalProperties: false,
  properties: {
    pick: list(scalar, 256, 1),
    int: {
      type: 'object',
      properties: { min: bigInt, max: bigInt, step: upTo(1e9) },
      required: ['min', 'max'],
      additionalProperties: false,
    },
    hex: { type: 'integer', minimum: 1, maximum: 64 },
    template: text,
  },
};

const hostOverride: JsonSchema = {
  type: 'object',
  required: ['name'],
  additionalProperties: false,
  properties: {
    name: text,
    memory: upTo(4 * 1024 * 1024),
    dom0_mem: upTo(256 * 1024),
    cpu: {
      type: 'object',
      additionalProperties: false,
      properties: {
        sockets: upTo(8), cores_per_socket: upTo(32), threads_per_core: upTo(2), mhz: upTo(10000),
        model: text, virt_flag: { type: 'string', enum: ['vmx', 'svm', ''] },
      },
    },
    services: { type: 'object', maxProperties: 64, additionalProperties: { type: 'string', enum: ['running', 'stopped'] } },
    files: { type: 'object', maxProperties: 64, additionalProperties: { type: 'string' } },
    agent_password: text,
  },
};

const domainOverride: JsonSchema = {
  type: 'object',
  required: ['simple'],
  additionalProperties: false,
  properties: {
    simple: text,
    id: { type: 'string', pattern: '^[0-9a-f]{32}$' },
    host: { type: ['string', 'null'] },
    state: { type: 'string', enum: ['running', 'paused', 'halted'] },
    memory: upTo(1024 * 1024), maxmem: upTo(1024 * 1024), vcpus: upTo(128), max_vcpus: upTo(128),
    weight: { type: 'integer', minimum: 1, maximum: 65535 },
    cap: { type: 'integer', minimum: 0, maximum: 12800 },
    hvm: { type: 'boolean' },
    production: { type: 'boolean' },
    os: text,
    workload: {
      type: 'object',
      additionalProperties: false,
      properties: { cpu: { type: 'number', minimum: 0, maximum: 1 }, read_iops: { type: 'number', minimum: 0, maximum: 100000 }, write_iops: { type: 'number', minimum: 0, maximum: 100000 } },
    },
    repository: text,
    hung: { type: 'boolean' },
    disks: list({
      type: 'object',
      required: ['id'],
      additionalProperties: false,
      properties: {
        id: { type: 'string', pattern: '^[0-9a-f]{32}$' },
        vdev: { type: 'string', pattern: '^(hd|sd|xvd)[a-z]$' },
        cdrom: { type: 'boolean' },
        size_gb: upTo(65536),
        attached: { type: 'boolean' },
      },
    }, 16, 1),
    windows: {
      type: 'object',
      required: ['hal'],
      additionalProperties: false,
      properties: { hal: { type: 'string', enum: [...HALS] }, pv_drivers: { type: 'boolean' } },
    },
  },
};

const repositoryOverride: JsonSchema = {
  type: 'object',
  required: ['lun', 'alias'],
  additionalProperties: false,
  properties: { lun: { type: ['string', 'integer'], pattern: '\\S' }, alias: text, ovsrepo_alias: text, db_aliases: { type: 'object', maxProperties: 8, additionalProperties: text } },
};

const overrides: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    release: { type: 'string', enum: ['ovm34', 'ovm22'] },
    host_names: list(text, 8, 1),
    hosts: list(hostOverride, 8),
    domains: list(domainOverride, 64),
    remove_domains: list(text, 64),
    repositories: list(repositoryOverride, 8),
    unregister_repositories: { type: 'boolean' },
  },
};

const hints: JsonSchema = list(text, 8, 2);

const quiz: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    question: text,
    placeholder: text,
    accept: list(scalar, 64, 1),
    query: namedNode(queryRegistry),
    tolerance: { type: 'number', minimum: 0 },
    unit: { type: 'string', enum: ['KiB', 'MiB', 'GiB'] },
    case_sensitive: { type: 'boolean' },
    any_order: { type: 'boolean' },
  },
  oneOf: [{ required: ['accept'] }, { required: ['query'] }],
};

const objective: JsonSchema = {
  type: 'object',
  required: ['id', 'text', 'points', 'failure', 'hints'],
  additionalProperties: false,
  properties: {
    id, text, points: upTo(1000), check: { $ref: '#/$defs/check' }, quiz, failure: text, milestone: { type: 'boolean' }, hints,
  },
  oneOf: [{ required: ['check'] }, { required: ['quiz'] }],
};

const constraint: JsonSchema = {
  type: 'object',
  required: ['id', 'text', 'check', 'failure'],
  additionalProperties: false,
  properties: { id, text, check: { $ref: '#/$defs/check' }, failure: text },
};

const fault: JsonSchema = {
  type: 'object',
  required: ['id', 'do'],
  additionalProperties: false,
  properties: { id, at: duration, after: id, on_command: text, do: namedNode(faultRegistry), announce: text },
  oneOf: [{ required: ['at'] }, { required: ['after'] }, { required: ['on_command'] }],
};

const step: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    host: text,
    run: { anyOf: [text, list(text, 100, 1)] },
    keys: { type: 'string', pattern: '[\\s\\S]' },
    wait: duration,
    answer: id,
    value: scalar,
    note: text,
    fails: { type: 'boolean' },
  },
  oneOf: [{ required: ['host', 'run'] }, { required: ['host', 'keys', 'note'] }, { required: ['wait'] }, { required: ['answer'] }],
};

const trap: JsonSchema = {
  type: 'object',
  required: ['name', 'steps', 'expect'],
  additionalProperties: false,
  properties: {
    name: text,
    steps: list(step, 100, 1),
    expect: {
      type: 'object',
      additionalProperties: false,
      minProperties: 1,
      properties: { unmet: list(id, 40, 1), broken: list(id, 20, 1) },
    },
  },
};

export const LAB_SCHEMA: JsonSchema = {
  $id: 'https://ovm-sandbox.invalid/lab.json',
  type: 'object',
  required: ['title', 'summary', 'module', 'level', 'minutes', 'scenario', 'briefing', 'debrief', 'objectives', 'solution'],
  additionalProperties: false,
  properties: {
    title: text,
    summary: text,
    module: { type: 'string', enum: ['A', 'B', 'C', 'D', 'E', 'F'] },
    level: { type: 'string', enum: ['beginner', 'intermediate', 'advanced'] },
    minutes: upTo(600),
    tags: list(text, 16),
    scenario: { type: 'object', required: ['base'], additionalProperties: false, properties: { base: id, overrides } },
    variables: { type: 'object', maxProperties: 64, propertyNames: { pattern: '^[a-z][a-z0-9_]*$' }, additionalProperties: variable },
    facts: { type: 'object', maxProperties: 32, propertyNames: { pattern: '^[a-z][a-z0-9_]*$' }, additionalProperties: namedNode(queryRegistry) },
    briefing: text,
    debrief: text,
    objectives: list(objective, 40, 1),
    constraints: list(constraint, 20),
    faults: list(fault, 40),
    solution: list(step, 300, 1),
    traps: list(trap, 10),
  },
  $defs: { check: checkNode },
};

export const SCENARIO_SCHEMA: JsonSchema = {
  $id: 'https://ovm-sandbox.invalid/scenario.json',
  type: 'object',
  required: ['title', 'description', 'builder'],
  additionalProperties: false,
  properties: { title: text, description: text, builder: id, overrides },
};
