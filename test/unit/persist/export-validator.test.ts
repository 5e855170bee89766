// The generated import validator matches the export schema (regenerate when this fails).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GENERATED_PATH, generateValidatorSource } from './gen-export-validator';

describe('export validator', () => {
  it('is generated from the current schema (run: npx tsx test/unit/persist/gen-export-validator.ts)', () => {
    expect(readFileSync(GENERATED_PATH, 'utf8')).toBe(generateValidatorSource());
  });

  it('contains no run-time code compilation', () => {
    expect(readFileSync(GENERATED_PATH, 'utf8')).not.toMatch(/new Function|eval\(|require\(/);
  });
});
