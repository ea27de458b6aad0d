import { describe, expect, it } from 'vitest';
import {
  DATA_FLAG_CODES,
  DATA_FLAG_RULES,
  isValidForAverage,
  parseDataFlag,
} from '../../src/monitoring/data-flags';

describe('isValidForAverage — one row per HJ 212 flag', () => {
  it.each([
    ['N', true], // normal operation
    ['T', true], // over range: kept as valid, value is a lower bound (reading of HJ 75)
    ['F', false], // plant stopped: not operating data
    ['M', false], // maintenance: HJ 75-2017 §12 invalid period
    ['C', false], // calibration: HJ 75-2017 §12 invalid period
    ['D', false], // fault: HJ 75-2017 §12 invalid period
    ['S', false], // manually set value: not a measurement
    ['B', false], // communication fault
  ])('%s → %s for air and water', (flag, valid) => {
    expect(isValidForAverage(flag, 'air')).toBe(valid);
    expect(isValidForAverage(flag, 'water')).toBe(valid);
  });

  it('treats a missing flag as N and an unknown flag as invalid', () => {
    expect(isValidForAverage(undefined, 'air')).toBe(true);
    expect(isValidForAverage('', 'air')).toBe(true);
    expect(isValidForAverage('X', 'air')).toBe(false);
    expect(isValidForAverage('n', 'air')).toBe(false);
  });

  it('lets a city override one flag for one medium', () => {
    expect(isValidForAverage('T', 'air', { T: { air: false } })).toBe(false);
    expect(isValidForAverage('T', 'water', { T: { air: false } })).toBe(true);
  });

  it('exports a table with a reason for every flag', () => {
    for (const f of DATA_FLAG_CODES) {
      expect(DATA_FLAG_RULES[f].flag).toBe(f);
      expect(DATA_FLAG_RULES[f].basis.length).toBeGreaterThan(0);
    }
    expect(parseDataFlag('C')).toBe('C');
    expect(parseDataFlag('Z')).toBeUndefined();
  });
});
