// The column headings of 004 附件1 (排查台账) and 附件3 (问题整改台账), verbatim from the seed; only the PDF's
// line-break artefacts are removed ("查处情况 (查处法 律文书 号)" → "查处情况 (查处法律文书号)").

export interface LedgerHeading {
  header: string;
  /** The group heading of the first header row; absent: the column spans both header rows. */
  group?: string;
}

export const SCREENING_LEDGER_TITLE = '工业污染源达标计划排查台账';

/** 附件1 in column order; `key` names the field of a screening row that fills it. */
export const SCREENING_LEDGER_COLUMNS = [
  { key: 'seq', header: '序号' },
  { key: 'enterpriseName', group: '基本信息', header: '企业名称' },
  { key: 'regionName', group: '基本信息', header: '市区县' },
  { key: 'industry', group: '基本信息', header: '所属行业' },
  { key: 'controlLevel', group: '基本信息', header: '类别' },
  { key: 'permitSummary', group: '排查问题情况', header: '排污许可证内容及设施及排放浓度、总量情况' },
  { key: 'problemTypes', group: '排查问题情况', header: '排查存在的突出问题' },
  { key: 'monitoringReportNo', group: '排查问题情况', header: '此次监测报告编号' },
  { key: 'exceeded', group: '排查问题情况', header: '是否超标' },
  { key: 'exceedReason', group: '排查问题情况', header: '超标原因' },
  {
    key: 'onlineMonitoring',
    group: '查处整改情况',
    header: '在线监测情况 (监测因子, 对比联网情况, 有效性情况)',
  },
  { key: 'onlineExceeded', group: '查处整改情况', header: '是否存在超标' },
  { key: 'onlineExceedReason', group: '查处整改情况', header: '在线超标原因' },
  { key: 'caseDocuments', group: '查处整改情况', header: '查处情况 (查处法律法规文书号)' },
  { key: 'rectified', group: '查处整改情况', header: '是否整改到位' },
] as const satisfies readonly (LedgerHeading & { key: string })[];

export const SCREENING_LEDGER_NOTES = [
  '1、类别应填写国控、省控、市控',
  '2、排查存在的突出问题分为“偷排偷放”、“设施未满足污染物处理要求”、“污染物排放超标”等',
  '3、企业名称必须填写全称',
] as const;

export const RECTIFICATION_LEDGER_TITLE = '工业污染源达标计划问题整改台账';

/** 附件3 in column order: one row per problem. 排查情况 is a group of one column with no heading of its own. */
export const RECTIFICATION_LEDGER_COLUMNS = [
  { key: 'seq', header: '序号' },
  { key: 'enterpriseName', group: '基本信息', header: '企业名称' },
  { key: 'regionName', group: '基本信息', header: '市州' },
  { key: 'controlLevel', group: '基本信息', header: '类别' },
  { key: 'industry', group: '基本信息', header: '所属行业' },
  { key: 'screening', header: '排查情况' },
  { key: 'caseDocumentNo', group: '查处整改情况', header: '查处情况 (查处法律文书号)' },
  { key: 'penaltyRequirement', group: '查处整改情况', header: '处理处罚要求' },
  { key: 'penaltyExecution', group: '查处整改情况', header: '处理处罚执行情况' },
  { key: 'planStatus', group: '查处整改情况', header: '整治方案制定情况' },
  { key: 'measures', group: '查处整改情况', header: '整治措施' },
  { key: 'deadlineOn', group: '查处整改情况', header: '完成时限' },
  { key: 'recheckReportNo', group: '查处整改情况', header: '复查监测情况(监测报告编号)' },
  { key: 'rectified', group: '查处整改情况', header: '是否整改到位' },
] as const satisfies readonly (LedgerHeading & { key: string })[];

export const RECTIFICATION_LEDGER_NOTE = '每个序号对应 1 个问题, 如一家企业有 2 个以上问题应分别列出。';

/** 附件4: 工业污染源达标计划完成整治销号表, its labels in order. */
export const SIGN_OFF_FORM = {
  title: '工业污染源达标计划完成整治销号表',
  filledBy: '填表人 (盖章)',
  filledAt: '填表时间',
  enterpriseName: '企业名称',
  creditCode: '统一社会信用代码',
  problem: '自查排查发现的问题',
  measures: '采取的整治措施',
  completion: '整治完成情况',
  districtOpinion: '县市区环保部门现场核查意见',
  cityOpinion: '市州环保部门核查意见',
  verifier: '核查人',
  seal: '(公章)',
  verifiedOn: '核查日期',
} as const;
