/**
 * The columns of the enterprise sheet. The first five are the basic-information part of seed 004
 * 附件1 (工业污染源达标计划排查台账: 序号, 企业名称, 市区县, 所属行业, 类别); the rest are the basic
 * information of 附件2 一 (企业基本信息), worded as the form words them. Import and export share
 * this list, so an exported sheet imports again unchanged.
 */
export const ENTERPRISE_COLUMNS = [
  { header: '序号', key: 'seq', width: 6 },
  { header: '企业名称', key: 'name', width: 34, required: true },
  { header: '市区县', key: 'region', width: 14, required: true },
  { header: '所属行业', key: 'industry', width: 26 },
  { header: '类别', key: 'controlLevel', width: 8 },
  { header: '统一社会信用代码', key: 'creditCode', width: 22, required: true },
  { header: '法定代表', key: 'legalRepresentative', width: 10 },
  { header: '乡镇（街道）', key: 'township', width: 14 },
  { header: '生产地址', key: 'address', width: 36 },
  { header: '东经', key: 'lng', width: 11 },
  { header: '北纬', key: 'lat', width: 11 },
  { header: '重点排污类别', key: 'keyKinds', width: 14 },
  { header: '企业状态', key: 'status', width: 8 },
  { header: '产品及规模', key: 'productsAndScale', width: 24 },
  { header: '投产时间', key: 'startedOn', width: 12 },
  { header: '企业环保负责人', key: 'envContact', width: 12 },
  { header: '联系方式', key: 'envContactPhone', width: 14 },
] as const;

export type ColumnKey = (typeof ENTERPRISE_COLUMNS)[number]['key'];

export const CONTROL_LEVEL_ZH: Record<string, string> = {
  national: '国控',
  provincial: '省控',
  city: '市控',
  none: '',
};
export const STATUS_ZH: Record<string, string> = { operating: '在产', stopped: '停产', closed: '关闭' };
export const KEY_KIND_ZH: Record<string, string> = {
  water: '水',
  air: '气',
  soil: '土壤',
  noise: '噪声',
  other: '其他',
};

export const columnLetter = (index: number) => {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
};
