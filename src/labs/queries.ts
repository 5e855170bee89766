// Facts read from the world when a learner answers a quiz (`quiz.query`): the right answer is
// whatever the world says at that moment, so it matches what the learner's commands showed.
import { freeMemoryMiB } from '../sim/memory';
import { pcpuCount } from '../sim/scenario/hosts';
import { findGuest, findHost, str, type CheckContext, type JsonSchema } from './check-kit';

export interface QueryDef<A = Record<string, unknown>> {
  summary: string;
  args: Record<string, JsonSchema>;
  required: readonly string[];
  /** The answer, or null when the world has no such thing (the quiz then cannot be answered). */
  run(ctx: CheckContext, args: A): string | number | null;
}

const defineQuery = <A>(q: QueryDef<A>): QueryDef<A> => q;

const hostArgs = { args: { host: str }, required: ['host'] as const };

export const QUERIES = {
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
  domain_host: defineQuery<{ domain: string }>({
    summary: 'The host a guest runs on.',
    args: { domain: str },
    required: ['domain'],
    run: ({ world }, a) => findGuest(world, a.domain)?.host ?? null,
  }),
} satisfies Record<string, QueryDef<never>>;

export const queryRegistry: Readonly<Record<string, QueryDef<never>>> = QUERIES;
