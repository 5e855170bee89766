// The size limits of a lab file (see bounds.ts, which enforces them, and variables.ts).
export const LIMITS = {
  /** Nesting of the YAML document (a lab needs about ten). */
  yamlDepth: 40,
  /** Scalars, mappings and sequences in one document (the biggest bundled lab has ~1,000). */
  yamlNodes: 20_000,
  /** Aliases (`*name`) the YAML reader expands; labs need none. */
  yamlAliases: 50,
  /** all / any / not inside one check. */
  checkDepth: 12,
  /** One variable's value, once its template is filled in. */
  variableChars: 1000,
  /** One string of the lab once its variables are filled in (a briefing is ~2,000). */
  textChars: 64 * 1024,
  /** Every string of the lab together, once filled in. */
  totalChars: 2 * 1024 * 1024,
  /** Components of a path in `files:` (and its length: PATH_MAX). */
  pathDepth: 32,
  pathChars: 4096,
  /** A fault's `at` and a solution's `wait`. */
  durationMs: 24 * 3600 * 1000,
  /** Variable draws a lab is validated with (seeds, then every value of every `pick`). */
  validationDraws: 32,
} as const;
