// The one registry of fault actions: what a lab's `faults[].do` and the sandbox's fault menu
// may do to the world. Each is a plain function over the world, recorded in the event log.
import { recordEvent } from '../sim/events';
import { syslog } from '../sim/logs';
import { setServiceState } from '../sim/services';
import { writeFile } from '../sim/vfs';
import { bool, findHost, oneOfStr, str, type JsonSchema } from './check-kit';
import type { Sim } from '../sim/sim';

export interface FaultDef<A = Record<string, unknown>> {
  summary: string;
  args: Record<string, JsonSchema>;
  required: readonly string[];
  /** Offered in the sandbox's fault menu under this label (absent: lab-only). */
  menu?: string;
  /** Does it; returns an error text when it cannot (an unknown host), else null. */
  run(sim: Sim, args: A): string | null;
}

const defineFault = <A>(f: FaultDef<A>): FaultDef<A> => f;

export const FAULTS = {
  write_file: defineFault<{ host: string; path: string; content: string; append?: boolean }>({
    summary: 'Writes (or appends to) a file on a host, as another administrator would.',
    args: { host: str, path: str, content: { type: 'string' }, append: bool },
    required: ['host', 'path', 'content'],
    run({ world }, a) {
      const h = findHost(world, a.host);
      if (!h) return `no host ${a.host}`;
      const r = writeFile(world, h, a.path, a.content, '/', a.append ?? false);
      return r.ok ? null : `cannot write ${a.path}: ${r.error}`;
    },
  }),
  syslog: defineFault<{ host: string; tag: string; message: string }>({
    summary: 'Adds a line to /var/log/messages of a host (`Mar  2 08:01:02 HOST TAG: MESSAGE`).',
    args: { host: str, tag: str, message: str },
    required: ['host', 'tag', 'message'],
    run({ world }, a) {
      const h = findHost(world, a.host);
      if (!h) return `no host ${a.host}`;
      syslog(world, h, a.tag, a.message);
      return null;
    },
  }),
  service: defineFault<{ host: string; service: string; state: 'running' | 'stopped' }>({
    summary: 'Starts or stops a service on a host behind the learner\'s back (a crashed daemon).',
    args: { host: str, service: str, state: oneOfStr('running', 'stopped') },
    required: ['host', 'service', 'state'],
    run({ world }, a) {
      const h = findHost(world, a.host);
      if (!h) return `no host ${a.host}`;
      setServiceState({ world, host: h }, a.service, a.state);
      recordEvent(world, h.name, `service.${a.state === 'running' ? 'started' : 'stopped'}`, `${a.service} ${a.state === 'running' ? 'started' : 'stopped'} on ${h.name}`);
      return null;
    },
  }),
} satisfies Record<string, FaultDef<never>>;

export const faultRegistry: Readonly<Record<string, FaultDef<never>>> = FAULTS;

/** Runs one `{ action: args }` node. */
export function runFault(sim: Sim, node: Record<string, unknown>): string | null {
  const [name, args] = Object.entries(node)[0] ?? [];
  const def = name ? faultRegistry[name] : undefined;
  if (!def) return `unknown fault ${name ?? ''}`;
  return def.run(sim, (args ?? {}) as never);
}
