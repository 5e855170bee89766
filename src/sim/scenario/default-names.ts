// The default scenario's names, apart from the code that builds it: the page draws a new sandbox's
// first screen from them (engine/first-screen.ts) before any of the simulator has loaded.
import type { Release } from '../types';

/** The pool's two servers, unless the options name others; the first is where the sandbox logs in. */
export const DEFAULT_HOST_NAMES: readonly [string, string] = ['ovs01', 'ovs02'];

/** The release of a host whose spec names none. */
export const DEFAULT_RELEASE: Release = 'ovm34';
