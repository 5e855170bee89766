// Checks over a host's files, services and mounts, and over the world's event log.
import { serviceState } from '../../sim/services';
import { lookup } from '../../sim/vfs';
import { own, isPrototypeName } from '../own';
import { defineCheck, failWith, findHost, int, oneOfStr, pass, str } from '../check-kit';

const fileExists = defineCheck<{ host: string; path: string }>({
  summary: 'A file or directory exists on a host.',
  args: { host: str, path: str },
  required: ['host', 'path'],
  run({ world }, a) {
    const h = findHost(world, a.host);
    if (!h) return failWith(`no host ${a.host}`);
    return lookup(world, h, a.path).ok ? pass() : failWith(`${a.path} does not exist on ${h.name}`);
  },
});

const fileContains = defineCheck<{ host: string; path: string; text?: string; line?: string }>({
  summary: 'A file on a host contains a text (`text`), or a line equal to `line` once both are trimmed of surrounding blanks.',
  args: { host: str, path: str, text: str, line: str },
  required: ['host', 'path'],
  run({ world }, a) {
    const h = findHost(world, a.host);
    if (!h) return failWith(`no host ${a.host}`);
    const n = lookup(world, h, a.path);
    if (!n.ok || n.value.type !== 'file') return failWith(`${a.path} is not a file on ${h.name}`);
    const content = n.value.content;
    if (a.text !== undefined && !content.includes(a.text)) return failWith(`${a.path} on ${h.name} has no “${a.text}”`);
    if (a.line !== undefined && !content.split('\n').some((l) => l.trim() === a.line!.trim())) return failWith(`${a.path} on ${h.name} has no line “${a.line.trim()}”`);
    return pass();
  },
});

const serviceIs = defineCheck<{ host: string; service: string; state: 'running' | 'stopped' }>({
  summary: 'A service on a host is running or stopped.',
  args: { host: str, service: str, state: oneOfStr('running', 'stopped') },
  required: ['host', 'service', 'state'],
  run({ world }, a) {
    const h = findHost(world, a.host);
    if (!h) return failWith(`no host ${a.host}`);
    const s = isPrototypeName(a.service) ? 'stopped' : serviceState(h, a.service);
    return s === a.state ? pass() : failWith(`${a.service} is ${s} on ${h.name}`);
  },
});

const mounted = defineCheck<{ host: string; path: string; fs_type?: string }>({
  summary: 'Something is mounted at a path on a host, optionally of a given file system type.',
  args: { host: str, path: str, fs_type: str },
  required: ['host', 'path'],
  run({ world }, a) {
    const h = findHost(world, a.host);
    if (!h) return failWith(`no host ${a.host}`);
    const m = h.mounts.find((x) => x.path === a.path);
    if (!m) return failWith(`nothing is mounted at ${a.path} on ${h.name}`);
    return a.fs_type === undefined || m.fsType === a.fs_type ? pass() : failWith(`${a.path} on ${h.name} is ${m.fsType}, not ${a.fs_type}`);
  },
});

const eventSeen = defineCheck<{ kind: string; host?: string; text?: string; min_count?: number }>({
  summary: 'The event log has an event of a kind (exact, or a prefix ending in `.`), optionally on a host and containing a text; `min_count` times (default 1).',
  args: { kind: str, host: str, text: str, min_count: { ...int, minimum: 1 } },
  required: ['kind'],
  run({ world }, a) {
    const want = a.min_count ?? 1;
    const n = world.events.filter(
      (e) => (a.kind.endsWith('.') ? e.kind.startsWith(a.kind) : e.kind === a.kind) && (a.host === undefined || e.host === a.host) && (a.text === undefined || e.text.includes(a.text)),
    ).length;
    return n >= want ? pass() : failWith(n ? `seen ${n} of ${want}` : undefined);
  },
});

const faultFired = defineCheck<{ id: string }>({
  summary: 'A fault of this lab (by its id) has happened — for objectives that only make sense after it.',
  args: { id: str },
  required: ['id'],
  run({ lab }, a) {
    // No detail: a fault's id is the lab's internal name, not something the learner knows.
    return own(lab?.fired, a.id) !== undefined ? pass() : failWith();
  },
});

export const systemChecks = {
  fault_fired: faultFired,
  file_exists: fileExists,
  file_contains: fileContains,
  service_state: serviceIs,
  mounted,
  event_seen: eventSeen,
};
