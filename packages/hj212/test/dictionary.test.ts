import { describe, expect, it } from 'vitest';
import {
  COMMANDS,
  codeFrom2005,
  codeTo2005,
  DATA_FLAGS,
  DataFlag,
  EXE_RTN,
  POLLUTANTS,
  QN_RTN,
  SYSTEM_CODES,
} from '../src/dictionary/index.js';

describe('dictionary', () => {
  it('has 2017 codes with Chinese names, units and formats', () => {
    expect(POLLUTANTS.a21026).toMatchObject({
      name: '二氧化硫',
      unit: 'mg/m³',
      amountUnit: 'kg',
      code2005: '02',
    });
    expect(POLLUTANTS.w01018).toMatchObject({
      name: '化学需氧量',
      unit: 'mg/L',
      code2005: '011',
      medium: 'water',
    });
    for (const p of Object.values(POLLUTANTS)) {
      expect(p.code).toMatch(/^[aw]\d{5}$/);
      expect(p.name).not.toBe('');
      expect(p.format).toMatch(/^N\d+(\.\d+)?$/);
    }
  });

  it.each([
    ['02', '31', 'a21026'],
    ['03', '31', 'a21002'],
    ['01', '31', 'a34013'],
    ['S01', '31', 'a19001'],
    ['S02', '31', 'a01011'],
    ['S03', '31', 'a01012'],
    ['S08', '31', 'a01013'],
    ['S05', '31', 'a01014'],
    ['B02', '31', 'a00000'],
    ['011', '32', 'w01018'],
    ['060', '32', 'w21003'],
    ['001', '32', 'w01001'],
    ['B01', '32', 'w00000'],
  ])('maps 2005 code %s (ST %s) to %s, and back', (old, st, code) => {
    expect(codeFrom2005(old, st)).toBe(code);
    expect(codeTo2005(code)).toBe(old);
  });

  it('knows commands, systems, flags and return codes', () => {
    expect(COMMANDS['2051']).toMatchObject({ kind: 'upload' });
    expect(COMMANDS['9014']).toMatchObject({ kind: 'answer' });
    expect(SYSTEM_CODES['31']).toContain('大气');
    expect(Object.keys(DATA_FLAGS).sort()).toEqual(Object.values(DataFlag).sort());
    expect(QN_RTN[9]).toContain('CRC');
    expect(EXE_RTN[100]).toContain('no data');
  });
});
