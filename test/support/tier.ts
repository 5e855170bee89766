// The two test tiers: `npm test` runs the fast tier; `npm run test:deep` (DEEP=1) runs the long
// properties and fuzz. A test scales its case count with `runs(fast, deep)`, never skips itself.
export const DEEP = process.env.DEEP === '1';

/** How many cases a property or fuzz runs in this tier. */
export function runs(fast: number, deep: number): number {
  return DEEP ? deep : fast;
}
