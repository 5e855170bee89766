// The committed validator is compiled from the current schema (and is regenerated on request).
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateValidatorSource } from '../../src/labs/schema/generate';

const FILE = new URL('../../src/labs/generated/validate-lab.ts', import.meta.url);

describe('generated lab validator', () => {
  it('is up to date with the schema and the check registry', () => {
    const fresh = generateValidatorSource();
    if (process.env.UPDATE_VALIDATOR) writeFileSync(FILE, fresh);
    let committed = '';
    try {
      committed = readFileSync(FILE, 'utf8');
    } catch {
      // Missing: reported by the comparison below.
    }
    expect(committed === fresh, 'src/labs/generated/validate-lab.ts is stale: run UPDATE_VALIDATOR=1 npx vitest run test/labs/validator.test.ts').toBe(true);
  });
});
