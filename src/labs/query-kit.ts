// What a quiz query (and a fact) is: a named read of the world with a schema for its arguments.
import type { CheckContext, JsonSchema } from './check-kit';

export interface QueryDef<A = Record<string, unknown>> {
  summary: string;
  args: Record<string, JsonSchema>;
  required: readonly string[];
  /** The answer (or several that all count), or null when the world has no such thing. */
  run(ctx: CheckContext, args: A): string | number | Array<string | number> | null;
}

export const defineQuery = <A>(q: QueryDef<A>): QueryDef<A> => q;
