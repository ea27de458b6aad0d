// Copied verbatim from seed 004 (附件1 and 附件3 header rows, tab-separated as the seed text has them).
// Tests must not read /work/shared; compare after removing whitespace only.

export const SEED_SCREENING_HEADER_ROWS = [
  '序号\t基本信息\t\t\t\t排查问题情况\t\t\t\t\t查处整改情况\t\t\t\t',
  '\t企业名称\t市区县\t所属行业\t类别\t排污许可证内容及设施及排放浓度、总量情况\t排查存在的突出问题\t此次监测报告编号\t是否超标\t超标原因\t在线监测情况 (监测因子, 对比联网情况, 有效性情况)\t是否存在超标\t在线超标原因\t查处情况 (查处法律法规文书号)\t是否整改到位',
];

export const SEED_RECTIFICATION_HEADER_ROWS = [
  '序号\t基本信息\t\t\t\t排查情况\t查处整改情况\t\t\t\t\t\t\t',
  '\t企业名称\t市州\t类别\t所属行业\t\t查处情况 (查处法 律文书 号)\t处理处罚 要求\t处理处罚 执行情况\t整治方案 制定情况\t整治措施\t完成时限\t复查监测 情况(监 测报告编 号)\t是否整改 到位',
];

export const SEED_SCREENING_NOTES = [
  '1、类别应填写国控、省控、市控',
  '2、排查存在的突出问题分为“偷排偷放”、“设施未满足污染物处理要求”、“污染物排放超标”等',
  '3、企业名称必须填写全称',
];

export const SEED_RECTIFICATION_NOTE = '每个序号对应 1 个问题, 如一家企业有 2 个以上问题应分别列出。';
