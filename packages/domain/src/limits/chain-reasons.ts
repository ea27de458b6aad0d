import type { EnumLabel } from '../registry/enums';

/**
 * Why the resolver took or set aside a candidate limit, in the order the checks run. Keys are
 * stable (stored with verdicts); `zh` is what the UI and verdicts show.
 */
export const CHAIN_REASONS = [
  // taken
  { key: 'ONLY_APPLICABLE', zh: '唯一适用的限值', en: 'the only applicable limit' },
  { key: 'STRICTEST', zh: '适用限值中最严', en: 'the strictest applicable limit' },
  { key: 'PERMIT_PREVAILS', zh: '已核发排污许可证，执行许可限值', en: 'permit issued: its limit applies' },
  // scope
  { key: 'OTHER_OUTLET_KIND', zh: '排放口类型不符（废水/废气）', en: 'other outlet kind' },
  { key: 'OTHER_INDUSTRY', zh: '不属于该标准适用行业', en: 'other industry' },
  { key: 'OTHER_CATEGORY', zh: '不属于该标准适用的设施类别', en: 'other plant category' },
  { key: 'OTHER_AREA', zh: '地方标准不适用于本地区', en: 'local standard of another area' },
  { key: 'NO_PERMIT', zh: '未核发排污许可证', en: 'no permit issued' },
  { key: 'OTHER_PERMIT', zh: '其他单位的排污许可证', en: 'another permit' },
  { key: 'OTHER_OUTLET', zh: '许可证中其他排放口的限值', en: 'permit limit of another outlet' },
  { key: 'SOURCE_AGE_UNKNOWN', zh: '未登记新建/现有源，无法确定', en: 'new or existing source not known' },
  { key: 'OTHER_SOURCE_AGE', zh: '新建/现有源不符', en: 'for new / existing sources only' },
  { key: 'CONDITION_UNKNOWN', zh: '缺少水温，无法确定', en: 'water temperature not known' },
  { key: 'CONDITION_NOT_MET', zh: '水温条件不符', en: 'water-temperature condition not met' },
  { key: 'OTHER_AVERAGING', zh: '平均时段不同', en: 'other averaging period' },
  // time and designation
  { key: 'NOT_YET_EFFECTIVE', zh: '尚未生效', en: 'not yet effective' },
  { key: 'EXPIRED', zh: '已失效', en: 'no longer in force' },
  {
    key: 'SPECIAL_NOT_DESIGNATED',
    zh: '本地区未规定执行该特别限值',
    en: 'special limit not designated here',
  },
  {
    key: 'SPECIAL_NOT_IN_FORCE',
    zh: '特别限值在本地区尚未执行或已停止',
    en: 'special limit not in force here then',
  },
  // versions and comparison
  { key: 'SUPERSEDED_VERSION', zh: '已被新版本取代', en: 'superseded by a newer version' },
  { key: 'LOOSER', zh: '宽于所采用的限值', en: 'looser than the limit taken' },
  { key: 'EQUAL_LESS_SPECIFIC', zh: '与所采用的限值相同', en: 'equal to the limit taken' },
  { key: 'SUPERSEDED_BY_PERMIT', zh: '已由排污许可限值取代', en: 'superseded by the permit' },
] as const satisfies readonly EnumLabel[];

export type ChainReason = (typeof CHAIN_REASONS)[number]['key'];
