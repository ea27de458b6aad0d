import { describe, expect, it } from 'vitest';
import type { ChainReason } from '../../src/limits/chain-reasons';
import type { LimitContext, SelectionRule } from '../../src/limits/resolution';
import { resolveLimit } from '../../src/limits/resolve-limit';
import { STANDARD_LIMITS } from '../../src/limits/standards-data';
import type { LimitCandidate } from '../../src/limits/types';
import { at, boilerCtx, designation, local, localIn, N_PM, N_PM_SPECIAL, permit } from './fixtures';

interface Case {
  name: string;
  ctx: LimitContext;
  extra?: LimitCandidate[];
  /** Winning candidate id and value (max or [lo, hi]), or null for no limit. */
  taken: [id: string, value: number | [number, number], rule: SelectionRule] | null;
  /** Chain reasons expected for some candidates. */
  reasons?: Record<string, ChainReason>;
}

const TJ_SPECIAL = designation();

const cases: Case[] = [
  {
    name: 'national standard alone: GB 13271 new coal boiler 50; other categories and industries set aside',
    ctx: boilerCtx(),
    taken: [N_PM, 50, 'only-applicable'],
    reasons: {
      [N_PM_SPECIAL]: 'SPECIAL_NOT_DESIGNATED',
      'GB13271-2014:industrial-gas-boiler:a34013:hour:new': 'OTHER_CATEGORY',
      'GB13223-2011:power-coal-boiler:a34013:hour': 'OTHER_INDUSTRY',
    },
  },
  {
    name: 'a local standard stricter than the national one applies',
    ctx: boilerCtx(),
    extra: [local({ value: { kind: 'max', max: 40 } })],
    taken: ['local-pm', 40, 'strictest'],
    reasons: { [N_PM]: 'LOOSER' },
  },
  {
    name: 'a local standard looser than the national one does not',
    ctx: boilerCtx(),
    extra: [local({ value: { kind: 'max', max: 80 } })],
    taken: [N_PM, 50, 'strictest'],
    reasons: { 'local-pm': 'LOOSER' },
  },
  {
    name: 'a local standard of another province is set aside',
    ctx: boilerCtx(),
    extra: [local({ standard: localIn(['130000']) })],
    taken: [N_PM, 50, 'only-applicable'],
    reasons: { 'local-pm': 'OTHER_AREA' },
  },
  {
    name: 'limits at different reference O2 are compared at a common one (50 at 9 % = 62.5 at 6 % > 55)',
    ctx: boilerCtx(),
    extra: [local({ value: { kind: 'max', max: 55 }, referenceO2: 6 })],
    taken: ['local-pm', 55, 'strictest'],
    reasons: { [N_PM]: 'LOOSER' },
  },
  {
    name: 'special limit in a designated area after the designation date',
    ctx: boilerCtx({ designations: [TJ_SPECIAL] }),
    taken: [N_PM_SPECIAL, 30, 'strictest'],
    reasons: { [N_PM]: 'LOOSER' },
  },
  {
    name: 'special limit designated for another area does not apply',
    ctx: boilerCtx({ designations: [designation({ regionCodes: ['130000'] })] }),
    taken: [N_PM, 50, 'only-applicable'],
    reasons: { [N_PM_SPECIAL]: 'SPECIAL_NOT_DESIGNATED' },
  },
  {
    name: 'special limit designated for one district only (120104), outlet in 120103',
    ctx: boilerCtx({ designations: [designation({ regionCodes: ['120104'] })] }),
    taken: [N_PM, 50, 'only-applicable'],
    reasons: { [N_PM_SPECIAL]: 'SPECIAL_NOT_DESIGNATED' },
  },
  {
    name: 'special limit designated here, but from a later date',
    ctx: boilerCtx({ designations: [designation({ effectiveFrom: '2025-01-01' })] }),
    taken: [N_PM, 50, 'only-applicable'],
    reasons: { [N_PM_SPECIAL]: 'SPECIAL_NOT_IN_FORCE' },
  },
  {
    name: 'special limit designated here, once its date has come',
    ctx: boilerCtx({ at: at(2025, 1, 1), designations: [designation({ effectiveFrom: '2025-01-01' })] }),
    taken: [N_PM_SPECIAL, 30, 'strictest'],
  },
  {
    name: 'version change: before version 2 takes effect, version 1 is in force',
    ctx: boilerCtx({ at: at(2024, 6, 30, 23) }),
    extra: [
      local({ id: 'v1' }),
      local({ id: 'v2', value: { kind: 'max', max: 35 }, effectiveFrom: '2024-07-01' }),
    ],
    taken: ['v1', 40, 'strictest'],
    reasons: { v2: 'NOT_YET_EFFECTIVE', [N_PM]: 'LOOSER' },
  },
  {
    name: 'version change: from its date version 2 supersedes version 1',
    ctx: boilerCtx({ at: at(2024, 7, 1) }),
    extra: [
      local({ id: 'v1' }),
      local({ id: 'v2', value: { kind: 'max', max: 35 }, effectiveFrom: '2024-07-01' }),
    ],
    taken: ['v2', 35, 'strictest'],
    reasons: { v1: 'SUPERSEDED_VERSION', [N_PM]: 'LOOSER' },
  },
  {
    name: 'a row with an end date no longer applies after it',
    ctx: boilerCtx({ at: at(2024, 7, 1) }),
    extra: [local({ effectiveTo: '2024-07-01' })],
    taken: [N_PM, 50, 'only-applicable'],
    reasons: { 'local-pm': 'EXPIRED' },
  },
  {
    name: 'a corrected row (revision 2, same date) supersedes revision 1',
    ctx: boilerCtx(),
    extra: [local({ id: 'r1', value: { kind: 'max', max: 45 } }), local({ id: 'r2', revision: 2 })],
    taken: ['r2', 40, 'strictest'],
    reasons: { r1: 'SUPERSEDED_VERSION' },
  },
  {
    name: 'a permit stricter than the standards applies',
    ctx: boilerCtx({ permitNumber: '91120103MA05TEST0X001P' }),
    extra: [permit()],
    taken: ['permit-pm', 30, 'strictest'],
    reasons: { [N_PM]: 'LOOSER' },
  },
  {
    name: 'a looser permit: by default the standard still applies (strictest)',
    ctx: boilerCtx({ permitNumber: '91120103MA05TEST0X001P' }),
    extra: [permit({ value: { kind: 'max', max: 60 } })],
    taken: [N_PM, 50, 'strictest'],
    reasons: { 'permit-pm': 'LOOSER' },
  },
  {
    name: "a looser permit under permitPolicy 'permit-prevails' replaces the standards",
    ctx: boilerCtx({ permitNumber: '91120103MA05TEST0X001P', permitPolicy: 'permit-prevails' }),
    extra: [permit({ value: { kind: 'max', max: 60 } })],
    taken: ['permit-pm', 60, 'permit-prevails'],
    reasons: { [N_PM]: 'SUPERSEDED_BY_PERMIT' },
  },
  {
    name: 'a permit issued after the moment does not apply yet',
    ctx: boilerCtx({ at: at(2020, 5, 31), permitNumber: '91120103MA05TEST0X001P' }),
    extra: [permit()],
    taken: [N_PM, 50, 'only-applicable'],
    reasons: { 'permit-pm': 'NOT_YET_EFFECTIVE' },
  },
  {
    name: 'no permit issued to the enterprise',
    ctx: boilerCtx(),
    extra: [permit()],
    taken: [N_PM, 50, 'only-applicable'],
    reasons: { 'permit-pm': 'NO_PERMIT' },
  },
  {
    name: 'a permit limit of another outlet',
    ctx: boilerCtx({ permitNumber: '91120103MA05TEST0X001P', outletCode: 'DA002' }),
    extra: [permit()],
    taken: [N_PM, 50, 'only-applicable'],
    reasons: { 'permit-pm': 'OTHER_OUTLET' },
  },
  {
    name: 'GB 13223 SO2: existing coal-fired power boiler 200',
    ctx: boilerCtx({
      pollutant: 'a21026',
      category: 'power-coal-boiler',
      industry: 'thermal_power',
      sourceAge: 'existing',
    }),
    taken: ['GB13223-2011:power-coal-boiler:a21026:hour:existing', 200, 'only-applicable'],
    reasons: { 'GB13223-2011:power-coal-boiler:a21026:hour:new': 'OTHER_SOURCE_AGE' },
  },
  {
    name: 'GB 13223 SO2: new or existing not known → no limit, and the chain says why',
    ctx: boilerCtx({
      pollutant: 'a21026',
      category: 'power-coal-boiler',
      industry: 'thermal_power',
      sourceAge: undefined,
    }),
    taken: null,
    reasons: {
      'GB13223-2011:power-coal-boiler:a21026:hour:new': 'SOURCE_AGE_UNKNOWN',
      'GB13223-2011:power-coal-boiler:a21026:hour:existing': 'SOURCE_AGE_UNKNOWN',
    },
  },
  {
    name: 'ultra-low limit where designated: coal power particulate 10',
    ctx: boilerCtx({
      category: 'power-coal-boiler',
      industry: 'thermal_power',
      designations: [designation({ kind: 'ultra-low', standards: ['燃煤电厂超低排放'] })],
    }),
    taken: ['燃煤电厂超低排放:power-coal-boiler:a34013:hour:ultra-low', 10, 'strictest'],
    reasons: { 'GB13223-2011:power-coal-boiler:a34013:hour': 'LOOSER' },
  },
  {
    name: 'averaging: GB 18485 incinerator particulate, daily value → the 24 h limit 20',
    ctx: boilerCtx({ category: 'msw-incinerator', industry: 'waste_incineration', averaging: 'day' }),
    taken: ['GB18485-2014:msw-incinerator:a34013:day', 20, 'only-applicable'],
    reasons: { 'GB18485-2014:msw-incinerator:a34013:hour': 'OTHER_AVERAGING' },
  },
  ...(
    [
      [10, 8, 'gt12C'],
      [12, 8, 'gt12C'],
      [20, 5, 'le12C'],
    ] as const
  ).map(
    ([temp, value, other]): Case => ({
      name: `GB 18918 grade 1A NH3-N at ${temp} °C → ${value}`,
      ctx: wwtpCtx({ waterTemperatureC: temp }),
      taken: [
        `GB18918-2002:wwtp-grade-1a:w21003:day:${value === 8 ? 'le12C' : 'gt12C'}`,
        value,
        'only-applicable',
      ],
      reasons: { [`GB18918-2002:wwtp-grade-1a:w21003:day:${other}`]: 'CONDITION_NOT_MET' },
    }),
  ),
  {
    name: 'GB 18918 NH3-N without a water temperature → no limit',
    ctx: wwtpCtx({}),
    taken: null,
    reasons: { 'GB18918-2002:wwtp-grade-1a:w21003:day:gt12C': 'CONDITION_UNKNOWN' },
  },
  {
    name: 'pH: a local range inside the national 6-9 is stricter',
    ctx: wwtpCtx({ pollutant: 'w01001' }),
    extra: [
      local({
        id: 'local-ph',
        outletKind: 'water',
        industries: null,
        category: 'wwtp-grade-1a',
        pollutant: 'w01001',
        value: { kind: 'range', lo: 6.5, hi: 8.5 },
        unit: '无量纲',
        averaging: 'day',
        referenceO2: null,
      }),
    ],
    taken: ['local-ph', [6.5, 8.5], 'strictest'],
    reasons: { 'GB18918-2002:wwtp-grade-1a:w01001:day': 'LOOSER' },
  },
  {
    name: 'no candidate for the pollutant',
    ctx: boilerCtx({ pollutant: 'a99999' }),
    taken: null,
  },
];

function wwtpCtx(over: Partial<LimitContext>): LimitContext {
  return boilerCtx({
    pollutant: 'w21003',
    averaging: 'day',
    outletKind: 'water',
    outletCode: 'DW001',
    category: 'wwtp-grade-1a',
    industry: 'wastewater_plant',
    ...over,
  });
}

describe('resolveLimit — one case per rule', () => {
  it.each(cases)('$name', ({ ctx, extra = [], taken, reasons = {} }) => {
    const { limit, chain } = resolveLimit(ctx, [...STANDARD_LIMITS, ...extra]);
    if (taken === null) {
      expect(limit).toBeNull();
      expect(chain.every((e) => !e.taken)).toBe(true);
    } else {
      const [id, value, rule] = taken;
      expect(limit?.candidateId).toBe(id);
      expect(limit?.value).toEqual(
        typeof value === 'number'
          ? { kind: 'max', max: value }
          : { kind: 'range', lo: value[0], hi: value[1] },
      );
      expect(limit?.rule).toBe(rule);
      expect(chain.filter((e) => e.taken).map((e) => e.candidateId)).toEqual([id]);
    }
    for (const [id, reason] of Object.entries(reasons)) {
      expect(chain.find((e) => e.candidateId === id)?.reason, id).toBe(reason);
    }
  });
});

describe('resolveLimit — chain and snapshot', () => {
  it('lists every candidate of the pollutant once, in the order given, and none of other pollutants', () => {
    const candidates = [...STANDARD_LIMITS, local()];
    const { chain } = resolveLimit(boilerCtx(), candidates);
    expect(chain.map((e) => e.candidateId)).toEqual(
      candidates.filter((c) => c.pollutant === 'a34013').map((c) => c.id),
    );
  });

  it('states the numbers compared, restated at the common reference O2', () => {
    const { chain } = resolveLimit(boilerCtx(), [
      ...STANDARD_LIMITS,
      local({ value: { kind: 'max', max: 55 }, referenceO2: 6 }),
    ]);
    const national = chain.find((e) => e.candidateId === N_PM);
    expect(national).toMatchObject({ reason: 'LOOSER', against: 'local-pm' });
    expect(national?.detail).toBe('≤ 50 mg/m³ at 9% O2 (= 62.5 mg/m³ at 6% O2) vs ≤ 55 mg/m³ at 6% O2');
  });

  it('the taken special limit names its designation; the looser ones are listed for the verdict', () => {
    const { limit } = resolveLimit(boilerCtx({ designations: [TJ_SPECIAL] }), [...STANDARD_LIMITS, local()]);
    expect(limit?.designation).toEqual({ id: TJ_SPECIAL.id, document: TJ_SPECIAL.document });
    expect(limit?.comparedWith.map((c) => [c.sourceCode, c.value])).toEqual([
      ['GB 13271-2014', { kind: 'max', max: 50 }],
      ['DB-TEST/ 1-2018', { kind: 'max', max: 40 }],
    ]);
  });

  it('returns a frozen copy that does not share objects with the data', () => {
    const row = local();
    const { limit } = resolveLimit(boilerCtx(), [row]);
    expect(Object.isFrozen(limit)).toBe(true);
    expect(Object.isFrozen(limit?.value)).toBe(true);
    expect(limit?.value).not.toBe(row.value);
  });
});
