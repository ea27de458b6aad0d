/**
 * The alarm sheet's (报警单) closed vocabularies: states, actions and the district's conclusions,
 * each as `{key, zh, en}` labels (served by /dictionaries like the registry's enums).
 */
import type { EnumLabel } from '../registry/enums';

export type SheetState = 'dispatched' | 'signed' | 'explained' | 'operator_verified' | 'concluded' | 'closed';
export type SheetAction = 'sign' | 'explain' | 'verify_device' | 'conclude' | 'close';
export type SheetConclusion = 'confirmed_exceedance' | 'device_fault' | 'false_alarm';

export const SHEET_STATES: readonly EnumLabel<SheetState>[] = [
  { key: 'dispatched', zh: '已下发', en: 'Dispatched' },
  { key: 'signed', zh: '已签收', en: 'Signed for' },
  { key: 'explained', zh: '企业已自查说明', en: 'Explained by the enterprise' },
  { key: 'operator_verified', zh: '运维单位已核查', en: 'Verified by the operator' },
  { key: 'concluded', zh: '已核实反馈', en: 'Concluded' },
  { key: 'closed', zh: '已办结', en: 'Closed' },
];

export const SHEET_ACTIONS: readonly EnumLabel<SheetAction>[] = [
  { key: 'sign', zh: '签收', en: 'Sign for' },
  { key: 'explain', zh: '自查说明', en: 'Explain (self-check)' },
  { key: 'verify_device', zh: '设备核查', en: 'Verify the device' },
  { key: 'conclude', zh: '核实反馈', en: 'Conclude' },
  { key: 'close', zh: '办结', en: 'Close' },
];

export interface SheetConclusionLabel extends EnumLabel<SheetConclusion> {
  /** What follows, zh. */
  followUpZh: string;
  followUpEn: string;
}

export const SHEET_CONCLUSIONS: readonly SheetConclusionLabel[] = [
  {
    key: 'confirmed_exceedance',
    zh: '确认超标',
    en: 'Exceedance confirmed',
    followUpZh: '依法立案查处，督促企业整改；计入本季度严重超标企业名单的统计',
    followUpEn:
      "Open an enforcement case and order the enterprise to rectify; counts towards the quarter's list of seriously exceeding enterprises",
  },
  {
    key: 'device_fault',
    zh: '设备故障',
    en: 'Device fault',
    followUpZh: '运维单位限期修复监测设备，故障时段数据标记为无效，不作超标认定',
    followUpEn:
      'The operator repairs the monitoring device by a deadline; data of the fault period are flagged invalid and not judged as an exceedance',
  },
  {
    key: 'false_alarm',
    zh: '误报',
    en: 'False alarm',
    followUpZh: '不作处理，记录误报原因',
    followUpEn: 'No action; the cause of the false alarm is recorded',
  },
];
