// The fault menu's component, loaded once the sandbox has booted (it is not needed for the first
// prompt, and with its help texts it is a fifth of what the page's entry chunk would otherwise add).
let load: Promise<typeof import('./FaultMenu.svelte')> | null = null;
export const loadFaultMenu = (): Promise<typeof import('./FaultMenu.svelte')> => (load ??= import('./FaultMenu.svelte'));
