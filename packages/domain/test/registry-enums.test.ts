import { describe, expect, it } from 'vitest';
import {
  CONTROL_LEVELS,
  ENTERPRISE_STATUSES,
  isEnumKey,
  KEY_KINDS,
  OUTLET_KINDS,
  PERMIT_CLASSES,
  ROLES,
  zhLabel,
} from '../src/registry/enums';
import { outletCode, validateMn, validateOutletCode } from '../src/registry/outlet-code';
import { isTotalControlled, REGISTRY_POLLUTANTS, registryPollutant } from '../src/registry/pollutants';

describe('enums', () => {
  it.each([
    ['controlLevels', CONTROL_LEVELS, ['national', 'provincial', 'city', 'none']],
    ['statuses', ENTERPRISE_STATUSES, ['operating', 'stopped', 'closed']],
    ['keyKinds', KEY_KINDS, ['water', 'air', 'soil', 'noise', 'other']],
    ['permitClasses', PERMIT_CLASSES, ['key', 'simplified', 'registration']],
    ['outletKinds', OUTLET_KINDS, ['water', 'air']],
    ['roles', ROLES, ['admin', 'city', 'district', 'grid', 'enterprise', 'operator', 'expert', 'department']],
  ])('%s has the contract keys with zh and en labels', (_name, labels, keys) => {
    expect(labels.map((l) => l.key)).toEqual(keys);
    for (const l of labels) expect(l.zh && l.en).toBeTruthy();
  });

  it('narrows and labels keys', () => {
    expect(isEnumKey(ROLES, 'grid')).toBe(true);
    expect(isEnumKey(ROLES, 'public')).toBe(false);
    expect(isEnumKey(ROLES, 3)).toBe(false);
    expect(zhLabel(CONTROL_LEVELS, 'national')).toBe('国控');
    expect(zhLabel(CONTROL_LEVELS, 'x')).toBeUndefined();
  });
});

describe('validateOutletCode', () => {
  it.each([
    ['DW001', undefined, 'water'],
    ['DA001', undefined, 'air'],
    ['DA999', 'air', 'air'],
    ['DW000', 'water', 'water'],
  ] as const)('%s (%s) is a %s outlet', (code, kind, expected) => {
    expect(validateOutletCode(code, kind)).toEqual({ ok: true, kind: expected });
  });

  it.each([
    ['DW01', undefined, 'FORMAT'],
    ['DW0001', undefined, 'FORMAT'],
    ['dw001', undefined, 'FORMAT'],
    ['DX001', undefined, 'FORMAT'],
    ['DA00A', undefined, 'FORMAT'],
    [' DA001', undefined, 'FORMAT'],
    ['DA001', 'water', 'KIND_MISMATCH'],
    ['DW001', 'air', 'KIND_MISMATCH'],
  ] as const)('%j (%s) → %s', (code, kind, expected) => {
    const v = validateOutletCode(code, kind);
    expect(v.ok ? 'ok' : v.code).toBe(expected);
  });

  it('numbers outlets', () => {
    expect(outletCode('air', 2)).toBe('DA002');
    expect(outletCode('water', 12)).toBe('DW012');
    expect(() => outletCode('air', 0)).toThrow(RangeError);
    expect(() => outletCode('air', 1000)).toThrow(RangeError);
  });
});

describe('validateMn', () => {
  it.each([
    ['43090301000001', 'ok'],
    ['430903JG201800001A001000', 'ok'],
    ['430903jg201800001a001000', 'ok'],
    ['4309030100000', 'LENGTH'],
    ['430903010000012', 'LENGTH'],
    ['430903JG201800001A00100', 'LENGTH'],
    ['430903JG201800001A0010000', 'LENGTH'],
    ['430903JG20180000-A001000', 'CHARSET'],
    ['4309030100000 ', 'CHARSET'],
  ])('%j → %s', (mn, expected) => {
    const v = validateMn(mn);
    expect(v.ok ? 'ok' : v.code).toBe(expected);
  });
});

describe('registry pollutants', () => {
  it('are unique HJ 212-2017 codes whose letter matches their kind', () => {
    const codes = REGISTRY_POLLUTANTS.map((p) => p.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const p of REGISTRY_POLLUTANTS) {
      expect(p.code).toMatch(/^[aw]\d{5}$/);
      expect(p.code[0]).toBe(p.kind === 'air' ? 'a' : 'w');
    }
  });

  it('knows units and which carry totals', () => {
    expect(registryPollutant('w01001')?.unit).toBe('无量纲');
    expect(registryPollutant('a21024')?.zh).toBe('氯化氢');
    expect(isTotalControlled('a21026')).toBe(true);
    expect(isTotalControlled('a19001')).toBe(false);
    expect(isTotalControlled('zzz')).toBe(false);
  });
});
