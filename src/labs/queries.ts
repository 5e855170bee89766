// Facts read from the world when a learner answers a quiz (`quiz.query`): the right answer is
// whatever the world says at that moment, so it matches what the learner's commands showed.
import { freeMemoryMiB, neededKiB } from '../sim/memory';
import { pcpuCount } from '../sim/scenario/hosts';
import { xenVersionString } from '../sim/xen/hypervisor';
import { findGuest, findHost, str } from './check-kit';
import { storageQueries } from './queries-storage';
import { defineQuery, type QueryDef } from './query-kit';

export type { QueryDef } from './query-kit';

const hostArgs = { args: { host: str }, required: ['host'] as const };

export const QUERIES = {
  xen_version: defineQuery<{ host: string }>({
    summary: "The hypervisor's version as `xm info` spells it, xen_major.xen_minor then xen_extra (`4.4.4OVM`); the numbers alone (`4.4.4`) count too.",
    ...hostArgs,
    run: ({ world }, a) => {
      const h = findHost(world, a.host);
      if (!h) return null;
      const full = xenVersionString(h);
      const numeric = /^\d+(?:\.\d+)*/.exec(full)?.[0];
      return numeric && numeric !== full ? [full, numeric] : full;
    },
  }),
  free_memory: defineQuery<{ host: string }>({
    summary: "A host's free memory for guests in MiB (`xm info` free_memory).",
    ...hostArgs,
    run: ({ world }, a) => {
      const h = findHost(world, a.host);
      return h ? freeMemoryMiB(world, h) : null;
    },
  }),
  total_memory: defineQuery<{ host: string }>({
    summary: "A host's physical memory in MiB (`xm info` total_memory).",
    ...hostArgs,
    run: ({ world }, a) => findHost(world, a.host)?.memoryMiB ?? null,
  }),
  nr_cpus: defineQuery<{ host: string }>({
    summary: "A host's logical CPU count (`xm info` nr_cpus).",
    ...hostArgs,
    run: ({ world }, a) => {
      const h = findHost(world, a.host);
      return h ? pcpuCount(h) : null;
    },
  }),
  dom0_memory: defineQuery<{ host: string }>({
    summary: "Dom0's memory in MiB (`xm list` Mem of Domain-0).",
    ...hostArgs,
    run: ({ world }, a) => findHost(world, a.host)?.dom0MemMiB ?? null,
  }),
  domain_name: defineQuery<{ domain: string }>({
    summary: 'The xm name of a guest (32 hex digits on OVM 3) given its simple name.',
    args: { domain: str },
    required: ['domain'],
    run: ({ world }, a) => findGuest(world, a.domain)?.name ?? null,
  }),
  domain_id: defineQuery<{ domain: string }>({
    summary: 'The numeric domain id of a running guest.',
    args: { domain: str },
    required: ['domain'],
    run: ({ world }, a) => findGuest(world, a.domain)?.domid ?? null,
  }),
  domain_cfg: defineQuery<{ domain: string }>({
    summary: 'The path of a guest\'s vm.cfg (in its repository).',
    args: { domain: str },
    required: ['domain'],
    run: ({ world }, a) => findGuest(world, a.domain)?.cfgPath ?? null,
  }),
  start_need_kib: defineQuery<{ domain: string }>({
    summary: 'What xend asks the hypervisor for (KiB) to start a guest: its memory plus overhead — the "I need N KiB" of the error.',
    args: { domain: str },
    required: ['domain'],
    run: ({ world }, a) => {
      const d = findGuest(world, a.domain);
      return d ? neededKiB(d.memoryMiB, d.hvm) : null;
    },
  }),
  domain_memory: defineQuery<{ domain: string }>({
    summary: "A guest's memory in MiB (`xm list` Mem).",
    args: { domain: str },
    required: ['domain'],
    run: ({ world }, a) => findGuest(world, a.domain)?.memoryMiB ?? null,
  }),
  ...storageQueries,
  domain_host: defineQuery<{ domain: string }>({
    summary: 'The host a guest runs on.',
    args: { domain: str },
    required: ['domain'],
    run: ({ world }, a) => findGuest(world, a.domain)?.host ?? null,
  }),
} satisfies Record<string, QueryDef<never>>;

export const queryRegistry: Readonly<Record<string, QueryDef<never>>> = QUERIES;
