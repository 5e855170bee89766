// The size limit of a lab file opened from disk or a URL, on its own so that the page can check
// it before reading a byte without pulling the lab loader (and the simulator) into its bundle.

/** The largest lab file accepted (the biggest bundled lab is a fraction of this). */
export const MAX_LAB_BYTES = 256 * 1024;
