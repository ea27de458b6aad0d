import { describe, expect, it } from 'vitest';
import { SPECIAL_LIMIT_DESIGNATIONS, STANDARD_LIMITS } from '../../src/limits/standards-data';

const KNOWN_CODES = [
  'a34013',
  'a21026',
  'a21002',
  'a20057',
  'a21024',
  'a21005',
  'w01018',
  'w21003',
  'w21001',
  'w21011',
  'w01001',
];

describe('STANDARD_LIMITS — rows of shared/standards/README.md', () => {
  it('have unique ids and cite the notes as their source', () => {
    const ids = STANDARD_LIMITS.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of STANDARD_LIMITS) {
      expect(r.source, r.id).toMatch(/^shared\/standards\/README\.md, Limits for the priority industries: /);
      expect(r.source, r.id).toContain(r.standard.code);
    }
  });

  it('are all unconfirmed, without clause or implementation date (the notes give none)', () => {
    for (const r of STANDARD_LIMITS) {
      expect([r.confirmed, r.clause, r.effectiveFrom, r.revision], r.id).toEqual([false, null, null, 1]);
    }
  });

  it('use HJ 212-2017 codes, finite values, ranges lo < hi, reference O2 for air only', () => {
    for (const r of STANDARD_LIMITS) {
      expect(KNOWN_CODES, r.id).toContain(r.pollutant);
      if (r.value.kind === 'max') expect(r.value.max, r.id).toBeGreaterThan(0);
      else expect(r.value.lo, r.id).toBeLessThan(r.value.hi);
      expect(r.referenceO2 === null, r.id).toBe(r.outletKind === 'water');
      expect(r.unit, r.id).toBe(
        r.pollutant === 'w01001' ? '无量纲' : r.outletKind === 'water' ? 'mg/L' : 'mg/m³',
      );
    }
  });

  it.each([
    ['GB 13223-2011', 12],
    ['燃煤电厂超低排放', 3],
    ['GB 13271-2014', 18],
    ['GB 18485-2014', 10],
    ['GB 4915-2013', 6],
    ['GB 18918-2002', 17],
    ['GB 4287-2012', 8],
  ])('%s has %s rows', (code, n) => {
    expect(STANDARD_LIMITS.filter((r) => r.standard.code === code)).toHaveLength(n);
  });

  it.each([
    ['GB13223-2011:power-coal-boiler:a21026:hour:new', 100, 6],
    ['GB13223-2011:power-coal-boiler:a21026:hour:existing', 200, 6],
    ['GB13223-2011:power-coal-boiler:a21026:hour:special', 50, 6],
    ['GB13223-2011:power-gas-boiler:a21002:hour', 100, 3],
    ['GB13271-2014:industrial-coal-boiler:a21002:hour:new:special', 200, 9],
    ['GB13271-2014:industrial-gas-boiler:a21002:hour:new:special', 150, 3.5],
    ['GB18485-2014:msw-incinerator:a21024:day', 50, 11],
    ['GB4915-2013:cement-kiln:a21002:hour', 400, 10],
    ['GB18918-2002:wwtp-grade-1b:w21003:day:le12C', 15, null],
    ['GB18918-2002:wwtp-grade-2:w21011:day', 3, null],
    ['GB4287-2012:dyeing-direct:w01018:day:new:special', 60, null],
  ])('%s = %s (reference O2 %s)', (id, max, o2) => {
    const r = STANDARD_LIMITS.find((x) => x.id === id);
    expect(r?.value).toEqual({ kind: 'max', max });
    expect(r?.referenceO2).toBe(o2);
  });

  it('pH 6-9 for every GB 18918 grade, as a range', () => {
    const ph = STANDARD_LIMITS.filter((r) => r.pollutant === 'w01001');
    expect(ph.map((r) => r.category)).toEqual(['wwtp-grade-1a', 'wwtp-grade-1b', 'wwtp-grade-2']);
    for (const r of ph) expect(r.value).toEqual({ kind: 'range', lo: 6, hi: 9 });
  });

  it('records a reading wherever the notes left the averaging cell blank', () => {
    const read = STANDARD_LIMITS.filter((r) => r.reading).map((r) => r.id);
    expect(read).toContain('GB13223-2011:power-coal-boiler:a20057:hour');
    expect(read).toContain('GB18485-2014:msw-incinerator:a21002:day');
    expect(read).toContain('GB18918-2002:wwtp-grade-2:w01018:day');
    expect(read).not.toContain('GB18485-2014:msw-incinerator:a34013:hour');
  });

  it('has no designations: the notes name no areas or dates for special limits', () => {
    expect(SPECIAL_LIMIT_DESIGNATIONS).toEqual([]);
  });
});
