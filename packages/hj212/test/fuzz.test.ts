import { describe, expect, it } from 'vitest';
import { fuzz } from '../fuzz/run.js';

// CI-sized fuzzing; the million-mutant run is `npm run fuzz -w packages/hj212`.
describe('fuzz', () => {
  it('20,000 mutated packets decode to a value or a typed error, in both modes', () => {
    const r = fuzz(20_000, 212);
    expect(r.runs).toBe(20_000);
    expect(r.ok).toBeGreaterThan(100); // repaired mutants do get through
    expect(Object.keys(r.errors).length).toBeGreaterThan(5);
    expect(r.ms).toBeLessThan(20_000);
  });
});
