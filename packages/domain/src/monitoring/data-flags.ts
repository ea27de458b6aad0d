import type { OutletKind } from '../registry/enums';

/**
 * HJ 212-2017 data flags (数据标记, the `<code>-Flag` field of minute/hourly/daily data) and whether
 * a record so flagged may enter an average. Exported as a table so the UI can show the reason.
 */
export const DATA_FLAG_CODES = ['N', 'F', 'M', 'S', 'D', 'C', 'T', 'B'] as const;
export type DataFlagCode = (typeof DATA_FLAG_CODES)[number];
export type Medium = OutletKind;

export interface DataFlagRule {
  flag: DataFlagCode;
  zh: string;
  en: string;
  /** May a record with this flag enter an hourly/daily average, per medium. */
  validFor: Readonly<Record<Medium, boolean>>;
  /** Why — the clause relied on, shown to users. */
  basis: string;
  /**
   * How sure we are: 'standard' = the standards say so (M/C/D invalid periods are stated in
   * HJ 75 §12 since HJ/T 75-2007; clause text not re-read in this build — verify before a verdict
   * relies on it); 'reading' = our interpretation where the text is silent or unread. Cities may
   * override any row through `FlagPolicy`.
   */
  certainty: 'standard' | 'reading';
}

const both = (v: boolean) => Object.freeze({ air: v, water: v });

export const DATA_FLAG_RULES: Readonly<Record<DataFlagCode, DataFlagRule>> = Object.freeze({
  N: {
    flag: 'N',
    zh: '正常',
    en: 'normal',
    validFor: both(true),
    certainty: 'standard',
    basis: 'HJ 212-2017 附录 数据标记：N 在线监控(监测)仪器仪表工作正常；正常运行时段数据为有效数据',
  },
  T: {
    flag: 'T',
    zh: '超测上限',
    en: 'above the instrument upper limit',
    validFor: both(true),
    certainty: 'reading',
    basis:
      '仪器工作正常但测值超出量程上限：按有效数据计入，数值保留（为真实浓度的下限），另计超量程次数并作异常提示（A2）；不计入会使超标在均值中消失',
  },
  F: {
    flag: 'F',
    zh: '停运',
    en: 'plant stopped',
    validFor: both(false),
    certainty: 'reading',
    basis:
      'HJ 75-2017 §12（数据审核和处理）/ HJ 356-2019：停运时段的数据不是正常运行数据，不参与有效均值计算',
  },
  M: {
    flag: 'M',
    zh: '维护',
    en: 'maintenance',
    validFor: both(false),
    certainty: 'standard',
    basis: 'HJ 75-2017 §12（数据无效时段）：维修、有计划的维护保养期间为数据无效时段；HJ 356-2019 同',
  },
  C: {
    flag: 'C',
    zh: '校准',
    en: 'calibration',
    validFor: both(false),
    certainty: 'standard',
    basis: 'HJ 75-2017 §12（数据无效时段）：校准、校验期间为数据无效时段；HJ 356-2019 同',
  },
  D: {
    flag: 'D',
    zh: '故障',
    en: 'fault',
    validFor: both(false),
    certainty: 'standard',
    basis: 'HJ 75-2017 §12（数据无效时段）：CEMS 故障期间、失控时段为数据无效时段；HJ 356-2019 同',
  },
  S: {
    flag: 'S',
    zh: '手工输入设定值',
    en: 'manually set value',
    validFor: both(false),
    certainty: 'reading',
    basis: '手工输入的设定值不是仪器测得值，不作为自动监测有效数据（手工监测替代数据须另行报送审核）',
  },
  B: {
    flag: 'B',
    zh: '通讯异常',
    en: 'communication fault',
    validFor: both(false),
    certainty: 'reading',
    basis: '通讯异常时数值未经可靠传输，不作为有效数据；缺失时段按补遗规则另行处理',
  },
});

/** Per-flag overrides a city may configure (e.g. `{ T: { air: false } }`). */
export type FlagPolicy = Partial<Record<DataFlagCode, Partial<Record<Medium, boolean>>>>;

/** Narrows a wire string to a flag code; anything else (empty, lowercase, unknown) is `undefined`. */
export function parseDataFlag(raw: string | undefined): DataFlagCode | undefined {
  return (DATA_FLAG_CODES as readonly string[]).includes(raw ?? '') ? (raw as DataFlagCode) : undefined;
}

/**
 * May a record with this flag enter an average? Unknown flags are not valid: an average must be
 * built only from data we can vouch for. A missing flag is taken as N (HJ 212-2005 units often omit it).
 */
export function isValidForAverage(flag: string | undefined, medium: Medium, policy?: FlagPolicy): boolean {
  const code = flag === undefined || flag === '' ? 'N' : parseDataFlag(flag);
  if (!code) return false;
  return policy?.[code]?.[medium] ?? DATA_FLAG_RULES[code].validFor[medium];
}
