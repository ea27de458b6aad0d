import type { EnumLabel } from '../registry/enums';

/**
 * 排查存在的突出问题 (004 附件1 注2: "偷排偷放"、"设施未满足污染物处理要求"、"污染物排放超标"等) and the other
 * kinds of problem 004 三(三) lists for the rectification ledger (附件3: one row per problem).
 */
export const PROBLEM_TYPES = [
  { key: 'covert_discharge', zh: '偷排偷放', en: 'Covert discharge' },
  { key: 'facility_inadequate', zh: '设施未满足污染物处理要求', en: 'Treatment facilities inadequate' },
  { key: 'exceedance', zh: '污染物排放超标', en: 'Emission exceedance' },
  { key: 'incomplete_permits', zh: '手续不全', en: 'Incomplete permits' },
  { key: 'no_online_monitoring', zh: '未安装自动监控', en: 'No online monitoring' },
  { key: 'monitoring_nonconforming', zh: '自行监测不规范', en: 'Self-monitoring nonconforming' },
  { key: 'disclosure_missing', zh: '未按要求公开环境信息', en: 'Environmental information not disclosed' },
  { key: 'other', zh: '其他', en: 'Other' },
] as const satisfies readonly EnumLabel[];
export type ProblemTypeKey = (typeof PROBLEM_TYPES)[number]['key'];

/** 处理方式 (004 三(三)3: 限期整改、挂牌督办、淘汰关闭). */
export const PROBLEM_HANDLINGS = [
  { key: 'deadline_rectification', zh: '限期整改', en: 'Rectify by a deadline' },
  { key: 'listed_supervision', zh: '挂牌督办', en: 'Listed supervision' },
  { key: 'closure', zh: '淘汰关闭', en: 'Phase out and close' },
] as const satisfies readonly EnumLabel[];
export type ProblemHandlingKey = (typeof PROBLEM_HANDLINGS)[number]['key'];

export const PROBLEM_STATUSES = [
  { key: 'open', zh: '整改中', en: 'Open' },
  { key: 'applied', zh: '已申请销号', en: 'Sign-off applied' },
  { key: 'district_verified', zh: '区县已核查', en: 'Verified by district' },
  { key: 'closed', zh: '已销号', en: 'Closed' },
] as const satisfies readonly EnumLabel[];
export type ProblemStatusKey = (typeof PROBLEM_STATUSES)[number]['key'];

export const PROBLEM_SOURCES = [
  { key: 'screening', zh: '排查', en: 'Screening' },
  { key: 'self_check', zh: '企业自查', en: 'Self-check' },
  { key: 'alarm', zh: '在线监控报警', en: 'Online alarm' },
  { key: 'spot_check', zh: '抽查', en: 'Spot check' },
  { key: 'inspection', zh: '执法检查', en: 'Inspection' },
  { key: 'tip', zh: '群众举报', en: 'Public tip' },
] as const satisfies readonly EnumLabel[];
export type ProblemSourceKey = (typeof PROBLEM_SOURCES)[number]['key'];

export const SIGN_OFF_STATUSES = [
  { key: 'applied', zh: '已申请', en: 'Applied' },
  { key: 'district_verified', zh: '区县核查通过', en: 'Verified by district' },
  { key: 'closed', zh: '市级核查通过，已销号', en: 'Closed' },
  { key: 'district_refused', zh: '区县核查不通过', en: 'Refused by district' },
  { key: 'city_refused', zh: '市级核查不通过', en: 'Refused by city' },
] as const satisfies readonly EnumLabel[];
export type SignOffStatusKey = (typeof SIGN_OFF_STATUSES)[number]['key'];
