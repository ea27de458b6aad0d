import type { LimitContext } from '../../src/limits/resolution';
import type {
  PermitLimit,
  SpecialLimitDesignation,
  StandardLimit,
  StandardRef,
} from '../../src/limits/types';
import { shanghaiInstant } from '../../src/monitoring/shanghai-time';

/**
 * Test fixtures. The local standard, permits and designations here are FICTIONAL (their numbers
 * exist only to exercise the rules); national rows come from STANDARD_LIMITS.
 */
export const at = (y: number, m: number, d: number, h = 0) => shanghaiInstant(y, m, d, h);

/** GB 13271-2014 new coal boiler particulate: 50 mg/m³ at 9 % O2, special 30. */
export const N_PM = 'GB13271-2014:industrial-coal-boiler:a34013:hour:new';
export const N_PM_SPECIAL = `${N_PM}:special`;

/** An outlet of a new industrial coal boiler in Tianjin 河西区 (120103). */
export const boilerCtx = (over: Partial<LimitContext> = {}): LimitContext => ({
  at: at(2024, 3, 1),
  pollutant: 'a34013',
  averaging: 'hour',
  outletKind: 'air',
  outletCode: 'DA001',
  category: 'industrial-coal-boiler',
  industry: null,
  regionCode: '120103',
  sourceAge: 'new',
  ...over,
});

const LOCAL: StandardRef = {
  code: 'DB-TEST/ 1-2018',
  series: 'DB-TEST/ 1',
  title: '测试用地方锅炉标准（虚构）',
  level: 'local',
  regionCodes: ['120000'],
};

export function local(over: Partial<StandardLimit> = {}): StandardLimit {
  return {
    kind: 'standard',
    id: 'local-pm',
    standard: LOCAL,
    outletKind: 'air',
    industries: null,
    category: 'industrial-coal-boiler',
    pollutant: 'a34013',
    value: { kind: 'max', max: 40 },
    unit: 'mg/m³',
    averaging: 'hour',
    referenceO2: 9,
    clause: '表1',
    special: null,
    effectiveFrom: '2018-01-01',
    revision: 1,
    confirmed: true,
    source: 'test fixture',
    ...over,
  };
}

export const localIn = (regionCodes: string[]): StandardRef => ({ ...LOCAL, regionCodes });

export function permit(over: Partial<PermitLimit> = {}): PermitLimit {
  return {
    kind: 'permit',
    id: 'permit-pm',
    permitNumber: '91120103MA05TEST0X001P',
    outletCode: 'DA001',
    pollutant: 'a34013',
    value: { kind: 'max', max: 30 },
    unit: 'mg/m³',
    averaging: 'hour',
    referenceO2: 9,
    clause: '副本 表8',
    effectiveFrom: '2020-06-01',
    revision: 1,
    confirmed: true,
    source: 'test fixture',
    ...over,
  };
}

export function designation(over: Partial<SpecialLimitDesignation> = {}): SpecialLimitDesignation {
  return {
    id: 'designation-test',
    kind: 'special',
    standards: ['GB 13271-2014'],
    regionCodes: ['120000'],
    effectiveFrom: '2020-01-01',
    document: '测试用执行特别排放限值的公告（虚构）',
    ...over,
  };
}
