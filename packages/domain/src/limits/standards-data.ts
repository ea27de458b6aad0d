import { type Cell, type Group, national, rows, withSpecial } from './standard-rows';
import type {
  SourceCategory,
  SpecialKind,
  SpecialLimitDesignation,
  StandardLimit,
  StandardRef,
} from './types';

const GB13223 = national('GB 13223-2011', '火电厂大气污染物排放标准');
const ULTRA_LOW: StandardRef = {
  code: '燃煤电厂超低排放',
  series: '燃煤电厂超低排放',
  title: '燃煤电厂超低排放政策要求（发文名称未录入）',
  level: 'national',
  regionCodes: null,
};
const GB13271 = national('GB 13271-2014', '锅炉大气污染物排放标准');
const GB18485 = national('GB 18485-2014', '生活垃圾焚烧污染控制标准');
const GB4915 = national('GB 4915-2013', '水泥工业大气污染物排放标准');
const GB18918 = national('GB 18918-2002', '城镇污水处理厂污染物排放标准');
const GB4287 = national('GB 4287-2012', '纺织染整工业水污染物排放标准');

const S: SpecialKind = 'special';
const HG_READING = 'averaging cell blank in the notes; read as the hourly averaging of the rows above';
const PAIR_READING = 'averaging cell blank; the pair read in the particulate row order, 1 h / 24 h';
const DAY_READING = 'averaging cell blank in the notes; read as the daily averaging of the grades above';
const COLD = { atMost: 12 } as const;
const WARM = { above: 12 } as const;

const POWER = ['thermal_power'];
const coalPower: Group = {
  standard: GB13223,
  outletKind: 'air',
  category: 'power-coal-boiler',
  industries: POWER,
  label: 'coal-fired boiler',
  averaging: 'hour',
  referenceO2: 6,
};

const boiler = (category: SourceCategory, label: string, o2: number): Group => ({
  standard: GB13271,
  outletKind: 'air',
  category,
  industries: null,
  label,
  averaging: 'hour',
  referenceO2: o2,
  sourceAge: 'new',
});

const airTrio = (pm: [number, number], so2: [number, number], nox: [number, number]): Cell[] =>
  withSpecial([
    ['a34013', ...pm],
    ['a21026', ...so2],
    ['a21002', ...nox],
  ]);

const msw: Group = {
  standard: GB18485,
  outletKind: 'air',
  category: 'msw-incinerator',
  industries: ['waste_incineration'],
  label: 'incinerator',
  averaging: 'hour',
  referenceO2: 11,
};
const mswPair = (pollutant: string, hour: number, day: number, reading?: string): Cell[] => [
  { pollutant, value: hour, averaging: 'hour', ...(reading ? { reading } : {}) },
  { pollutant, value: day, averaging: 'day', ...(reading ? { reading } : {}) },
];

const wwtp = (category: SourceCategory, label: string): Group => ({
  standard: GB18918,
  outletKind: 'water',
  category,
  industries: ['wastewater_plant'],
  label,
  averaging: 'day',
  referenceO2: null,
});
const nh3n = (warm: number, cold: number, reading?: string): Cell[] => [
  { pollutant: 'w21003', value: warm, waterTemperature: WARM, ...(reading ? { reading } : {}) },
  { pollutant: 'w21003', value: cold, waterTemperature: COLD, ...(reading ? { reading } : {}) },
];
const PH: Cell = { pollutant: 'w01001', value: [6, 9], reading: DAY_READING };

/**
 * The emission limits of ../shared/standards/README.md ("Limits for the priority industries"),
 * the only source of limit numbers here. That file is working notes: every row is loaded with
 * `confirmed: false` until checked against the standard's own table. It gives no clause/table
 * numbers and no implementation dates, so `clause` and `effectiveFrom` are null (README gaps);
 * reference O2 values are the file's "Common references". Titles are the standards' names.
 */
export const STANDARD_LIMITS: readonly StandardLimit[] = [
  ...rows(coalPower, [
    { pollutant: 'a34013', value: 30 },
    { pollutant: 'a34013', value: 20, special: S },
    { pollutant: 'a21026', value: 100, sourceAge: 'new' },
    { pollutant: 'a21026', value: 200, sourceAge: 'existing' },
    { pollutant: 'a21026', value: 50, special: S },
    { pollutant: 'a21002', value: 100 },
    { pollutant: 'a21002', value: 100, special: S },
    { pollutant: 'a20057', value: 0.03, reading: HG_READING },
    { pollutant: 'a20057', value: 0.03, special: S, reading: HG_READING },
  ]),
  ...rows({ ...coalPower, category: 'power-gas-boiler', label: 'gas-fired boiler', referenceO2: 3 }, [
    { pollutant: 'a34013', value: 5 },
    { pollutant: 'a21026', value: 35 },
    { pollutant: 'a21002', value: 100 },
  ]),
  ...rows({ ...coalPower, standard: ULTRA_LOW, label: 'ultra-low emission policy (coal units, 6% O2)' }, [
    { pollutant: 'a34013', value: 10, special: 'ultra-low' },
    { pollutant: 'a21026', value: 35, special: 'ultra-low' },
    { pollutant: 'a21002', value: 50, special: 'ultra-low' },
  ]),
  ...rows(boiler('industrial-coal-boiler', 'new coal boiler', 9), airTrio([50, 30], [300, 200], [300, 200])),
  ...rows(boiler('industrial-oil-boiler', 'new oil boiler', 3.5), airTrio([30, 30], [200, 100], [250, 200])),
  ...rows(boiler('industrial-gas-boiler', 'new gas boiler', 3.5), airTrio([20, 20], [50, 50], [200, 150])),
  ...rows(msw, [
    ...mswPair('a34013', 30, 20),
    ...mswPair('a21002', 300, 250, PAIR_READING),
    ...mswPair('a21026', 100, 80, PAIR_READING),
    ...mswPair('a21024', 60, 50, PAIR_READING),
    ...mswPair('a21005', 100, 80, PAIR_READING),
  ]),
  ...rows(
    {
      standard: GB4915,
      outletKind: 'air',
      category: 'cement-kiln',
      industries: ['cement'],
      label: 'kiln',
      averaging: 'hour',
      referenceO2: 10,
    },
    airTrio([30, 20], [200, 100], [400, 320]),
  ),
  ...rows(wwtp('wwtp-grade-1a', 'grade 1A'), [
    { pollutant: 'w01018', value: 50 },
    ...nh3n(5, 8),
    { pollutant: 'w21001', value: 15 },
    { pollutant: 'w21011', value: 0.5 },
    PH,
  ]),
  ...rows(wwtp('wwtp-grade-1b', 'grade 1B'), [
    { pollutant: 'w01018', value: 60 },
    ...nh3n(8, 15),
    { pollutant: 'w21001', value: 20 },
    { pollutant: 'w21011', value: 1 },
    PH,
  ]),
  ...rows(wwtp('wwtp-grade-2', 'grade 2'), [
    { pollutant: 'w01018', value: 100, reading: DAY_READING },
    ...nh3n(25, 30, DAY_READING),
    { pollutant: 'w21011', value: 3, reading: DAY_READING },
    PH,
  ]),
  ...rows(
    {
      standard: GB4287,
      outletKind: 'water',
      category: 'dyeing-direct',
      industries: ['dyeing'],
      label: 'direct discharge, new',
      averaging: 'day',
      referenceO2: null,
      sourceAge: 'new',
    },
    withSpecial([
      ['w01018', 80, 60],
      ['w21003', 10, 8],
      ['w21001', 15, 12],
      ['w21011', 0.5, 0.5],
    ]),
  ),
];

/**
 * Designations in force (areas and dates where special / ultra-low limits apply). The notes name
 * none, so the list is empty: the city enters them, each with its document (README gaps).
 */
export const SPECIAL_LIMIT_DESIGNATIONS: readonly SpecialLimitDesignation[] = [];
