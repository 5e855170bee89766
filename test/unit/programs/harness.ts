// The program driver now lives in the one test harness (test/support/screen.ts); kept for imports.
export { drive, type Driven } from '../../support/screen';
