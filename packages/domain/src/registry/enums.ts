/**
 * The registry's closed vocabularies, each as `{key, zh, en}` labels (served by /dictionaries)
 * and a union type of its keys. Keys are the values stored and sent over the API.
 */

export interface EnumLabel<K extends string = string> {
  key: K;
  zh: string;
  en: string;
}

export const CONTROL_LEVELS = [
  { key: 'national', zh: '国控', en: 'National key source' },
  { key: 'provincial', zh: '省控', en: 'Provincial key source' },
  { key: 'city', zh: '市控', en: 'City key source' },
  { key: 'none', zh: '其他', en: 'Other' },
] as const satisfies readonly EnumLabel[];
export type ControlLevel = (typeof CONTROL_LEVELS)[number]['key'];

export const ENTERPRISE_STATUSES = [
  { key: 'operating', zh: '在产', en: 'Operating' },
  { key: 'stopped', zh: '停产', en: 'Stopped' },
  { key: 'closed', zh: '关闭', en: 'Closed' },
] as const satisfies readonly EnumLabel[];
export type EnterpriseStatus = (typeof ENTERPRISE_STATUSES)[number]['key'];

/** Kinds of the published key-discharger lists (重点排污单位名录) an enterprise is on. */
export const KEY_KINDS = [
  { key: 'water', zh: '水', en: 'Water' },
  { key: 'air', zh: '气', en: 'Air' },
  { key: 'soil', zh: '土壤', en: 'Soil' },
  { key: 'noise', zh: '噪声', en: 'Noise' },
  { key: 'other', zh: '其他', en: 'Other' },
] as const satisfies readonly EnumLabel[];
export type KeyKind = (typeof KEY_KINDS)[number]['key'];

export const PERMIT_CLASSES = [
  { key: 'key', zh: '重点管理', en: 'Key management' },
  { key: 'simplified', zh: '简化管理', en: 'Simplified management' },
  { key: 'registration', zh: '登记管理', en: 'Registration' },
] as const satisfies readonly EnumLabel[];
export type PermitClass = (typeof PERMIT_CLASSES)[number]['key'];

export const OUTLET_KINDS = [
  { key: 'water', zh: '废水', en: 'Wastewater' },
  { key: 'air', zh: '废气', en: 'Flue gas' },
] as const satisfies readonly EnumLabel[];
export type OutletKind = (typeof OUTLET_KINDS)[number]['key'];

export const ROLES = [
  { key: 'admin', zh: '系统管理员', en: 'Administrator' },
  { key: 'city', zh: '市局', en: 'City bureau' },
  { key: 'district', zh: '区县局', en: 'District bureau' },
  { key: 'grid', zh: '网格员', en: 'Grid officer' },
  { key: 'enterprise', zh: '排污单位', en: 'Enterprise' },
  { key: 'operator', zh: '运维单位', en: 'Operator' },
  { key: 'expert', zh: '专家/第三方', en: 'Expert / third party' },
  { key: 'department', zh: '相关部门', en: 'Department' },
] as const satisfies readonly EnumLabel[];
export type Role = (typeof ROLES)[number]['key'];

/** True when `value` is one of the keys of `labels` (narrows the type). */
export function isEnumKey<K extends string>(labels: readonly EnumLabel<K>[], value: unknown): value is K {
  return typeof value === 'string' && labels.some((l) => l.key === value);
}

/** The Chinese label of a key, or undefined when the key is not in the list. */
export function zhLabel<K extends string>(labels: readonly EnumLabel<K>[], key: string): string | undefined {
  return labels.find((l) => l.key === key)?.zh;
}
