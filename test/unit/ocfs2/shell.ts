// Bare shells on several hosts now live in the one test harness (test/support/harness.ts); kept for imports.
export { Shells, type Ran } from '../../support/harness';
