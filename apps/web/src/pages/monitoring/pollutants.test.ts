import { describe, expect, it } from 'vitest';
import { defaultPollutant, isParameter } from './pollutants';

describe('defaultPollutant', () => {
  const boiler = ['a19001', 'a34013', 'a21026', 'a21002', 'a00000'];

  it('opens on the first emission pollutant, not O2 or flow', () => {
    expect(defaultPollutant(boiler)).toBe('a34013');
    expect(defaultPollutant(['w00000', 'w01018'])).toBe('w01018');
    expect(defaultPollutant(['a19001'])).toBe('a19001');
    expect(defaultPollutant([])).toBeUndefined();
  });

  it('keeps the pollutant from the link when the outlet has it', () => {
    expect(defaultPollutant(boiler, 'a21002')).toBe('a21002');
    expect(defaultPollutant(boiler, 'w21003')).toBe('a34013');
    expect(defaultPollutant([], 'a21026')).toBe('a21026');
    expect(defaultPollutant(boiler, 'drop table')).toBe('a34013');
  });

  it('knows the operating parameters', () => {
    expect(isParameter('a01012')).toBe(true);
    expect(isParameter('a21026')).toBe(false);
  });
});
