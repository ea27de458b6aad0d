/**
 * 《工业污染源达标计划自查表》 (seed 004 附件2) as data: every section, field and table with the seed's own
 * headings and wording. One definition drives the validation, the Word export and the web form.
 *
 * Content paths are JSON pointers into the form's `content` (`/permits/permitNumber`,
 * `/water/facilities/0/recordsProblems`); the review (section 五) has its own object.
 */

export type SelfCheckFieldKind = 'text' | 'textarea' | 'date' | 'number' | 'yesNo';

/** A 是/否 item whose answer needs an explanation: "若选‘否’, 说明…" or "若选“是”, 说明去向". */
export interface SelfCheckExplanation {
  when: 'yes' | 'no';
  key: string;
  label: string;
}

export interface SelfCheckField {
  key: string;
  label: string;
  kind: SelfCheckFieldKind;
  /** Required for submission (with `when` only when the table/section applies). */
  required: boolean;
  hint?: string;
  explain?: SelfCheckExplanation;
  /**
   * The merged heading over several fields or columns: 现有的排污许可证情况 over 许可证编号…,
   * 污染治理设施 (同一治理设施可只填写一次) over 污染治理设施名称….
   */
  group?: string;
}

export type SelfCheckColumn = SelfCheckField;

/** Which enterprises a table or block applies to (from the registry when the form is started). */
export type SelfCheckApplies = 'always' | 'water' | 'air' | 'online';

export interface SelfCheckFormTable {
  kind: 'table';
  /** Pointer of the rows array in `content`. */
  path: string;
  heading: string;
  columns: SelfCheckColumn[];
  /** Submission needs at least one row when the enterprise has this kind of outlet. */
  minRowsWhen: SelfCheckApplies | 'never';
}

export interface SelfCheckFieldGroup {
  kind: 'fields';
  /** Pointer of the object holding the fields in `content`. */
  path: string;
  heading?: string;
  hint?: string;
  fields: SelfCheckField[];
  appliesWhen: SelfCheckApplies;
}

export type SelfCheckBlock = SelfCheckFormTable | SelfCheckFieldGroup;

export interface SelfCheckSection {
  key: string;
  heading: string;
  blocks: SelfCheckBlock[];
}

/** Title of the form for a campaign year: "2017 年工业污染源达标计划自查表". */
export const selfCheckTitle = (year: number | string) => `${year} 年工业污染源达标计划自查表`;

/** The signature lines above section 一 (seed wording). */
export const SELF_CHECK_SIGNATURES = {
  filledBy: '填报人(签字, 盖公章)',
  filledOn: '填报日期',
  reviewedBy: '审核人(签字, 盖公章)',
  reviewedOn: '审核日期',
} as const;

const text = (key: string, label: string, required = true, hint?: string): SelfCheckField => ({
  key,
  label,
  kind: 'text',
  required,
  ...(hint ? { hint } : {}),
});
const area = (key: string, label: string, required = true, hint?: string): SelfCheckField => ({
  ...text(key, label, required, hint),
  kind: 'textarea',
});
const yesNo = (
  key: string,
  label: string,
  explain?: SelfCheckExplanation,
  hint?: string,
): SelfCheckField => ({
  key,
  label,
  kind: 'yesNo',
  required: true,
  ...(explain ? { explain } : {}),
  ...(hint ? { hint } : {}),
});
const col = (group: string | undefined, field: SelfCheckField): SelfCheckColumn => ({
  ...field,
  ...(group ? { group } : {}),
});

const PERMIT_GROUP = '现有的排污许可证情况';
const ONLINE_GROUP = '在线监控情况';
const WATER_FACILITY_GROUP = '污染治理设施 (同一治理设施可只填写一次)';
const WATER_STANDARD_GROUP = '污染物排放标准 (多个排口排同一污染因子, 分排口填)';
const WATER_ACTUAL_GROUP = '近1年排口实际排放情况 (多个排口排同一污染因子, 分排口填)';
const AIR_FACILITY_GROUP = '污染治理设施 (同一治理设施可只填写一次)';
const AIR_STANDARD_GROUP = '污染物排放标准 (多个排气筒排同一污染物的, 分排气筒填)';
const AIR_ACTUAL_GROUP = '近1年排气筒实际排放情况 (多个排气筒排同一污染物的, 分排气筒填)';

export const SELF_CHECK_SECTIONS: readonly SelfCheckSection[] = [
  {
    key: 'basic',
    heading: '一、企业基本信息',
    blocks: [
      {
        kind: 'fields',
        path: '/basic',
        appliesWhen: 'always',
        fields: [
          text('enterpriseName', '企业名称'),
          text('creditCode', '机构代码(或统一社会信用代码)'),
          text('legalRepresentative', '法定代表'),
          text('productsAndScale', '产品及规模'),
          { ...text('startedOn', '投产时间'), kind: 'date' },
          text('address', '生产地址'),
          { ...text('lng', '东经'), kind: 'number', group: '经纬度坐标' },
          { ...text('lat', '北纬'), kind: 'number', group: '经纬度坐标' },
          text('envContact', '企业环保负责人'),
          text('envContactPhone', '联系方式'),
          text('industry', '所属行业'),
        ],
      },
    ],
  },
  {
    key: 'supervision',
    heading: '二、企业环境监管情况',
    blocks: [
      {
        kind: 'fields',
        path: '/permits',
        heading: '(一) 环保手续履行情况',
        appliesWhen: 'always',
        fields: [
          { ...text('permitNumber', '许可证编号'), group: PERMIT_GROUP },
          { ...area('permittedPollutants', '许可的污染物种类及总量'), group: PERMIT_GROUP },
          { ...text('permitValidTo', '许可证到期日期'), kind: 'date', group: PERMIT_GROUP },
          yesNo('disclosesInfo', '是否按要求公开环境信息', {
            when: 'no',
            key: 'disclosureProblems',
            label: '若选“否”, 说明环境信息公开存在哪些问题',
          }),
        ],
      },
      {
        kind: 'fields',
        path: '/violations',
        heading: '(二) 近一年内企业环境违法行为情况、整改及接受处罚情况, 以及环保投诉情况',
        appliesWhen: 'always',
        fields: [area('text', '(二) 近一年内企业环境违法行为情况、整改及接受处罚情况, 以及环保投诉情况')],
      },
      {
        kind: 'fields',
        path: '/supervisoryMonitoring',
        heading: '(三) 近一年内企业监督性监测数据情况说明',
        hint: '说明是否有超标、超标次数、超标占比等',
        appliesWhen: 'always',
        fields: [
          area(
            'text',
            '(三) 近一年内企业监督性监测数据情况说明',
            true,
            '说明是否有超标、超标次数、超标占比等',
          ),
        ],
      },
      {
        kind: 'fields',
        path: '/selfMonitoring',
        heading: '(四) 自行监测情况',
        appliesWhen: 'always',
        fields: [
          area('content', '自行监测的主要内容 (点位、频次、指标、记录内容、委托第三方情况等)'),
          yesNo(
            'planCompliant',
            '是否当按照国家或地方污染物排放(控制)标准、环境影响评价报告书(表)及其批复、环境监测技术规范的要求,制定自行监测方案',
            {
              when: 'no',
              key: 'planProblems',
              label: '若选“否”,说明哪里不符合要求(点位设置、监测频次、监测指标等)',
            },
            '只要有一处不符合,即选“否”',
          ),
          yesNo(
            'recordsComplete',
            '自行监测记录是否完善',
            {
              when: 'no',
              key: 'recordsProblems',
              label: '若选“否”,说明哪里不符合规定(如记录有缺失、记录内容不完整、记录内容错误等)',
            },
            '只要有一处不符合,即选“否”',
          ),
        ],
      },
      {
        kind: 'fields',
        path: '/online',
        heading: '(五) 在线监测情况 (若有在线监控则填写)',
        appliesWhen: 'online',
        fields: [
          area('monitors', '在线监控点位及设备 (排口、数采仪MN、型号)', false),
          ...[
            yesNo(
              'dataTransferCompliant',
              '数据采集和传输是否符合国家有关污染源在线自动监控(监测)系统数据和接口标准的技术规范',
            ),
            yesNo('installationCompliant', '自动监控设备安装(如位置)等是否符合环保规范要求'),
            yesNo('managementSystem', '企业是否建立自动监控系统运行、适用、管理制度'),
            yesNo('dataValidated', '环保局是否对在线监测数据进行了有效性审核'),
            yesNo('operatingNormally', '在线监测是否正常(如有无停用、空白数值情况等)'),
          ].map((f) => ({ ...f, group: ONLINE_GROUP })),
        ],
      },
    ],
  },
  {
    key: 'facilities',
    heading: '三、企业生产设施、污染物治理与排放情况',
    blocks: [
      {
        kind: 'fields',
        path: '/process',
        heading:
          '(一) 生产工艺流程图 (应包括主要生产设施 (设备), 按不同工序 (如钢铁的采选、烧结、球团、焦化、炼铁、炼钢、轧钢、辅助与公用等工序) 分别图示)',
        appliesWhen: 'always',
        fields: [
          area('description', '生产工艺流程说明'),
          text('attachmentName', '生产工艺流程图附件', false),
        ],
      },
      {
        kind: 'table',
        path: '/water/facilities',
        heading: '(二) 水污染物产排污环节及污染治理设施',
        minRowsWhen: 'water',
        columns: [
          col(undefined, text('wasteName', '废水名称')),
          col(undefined, text('source', '废水来源')),
          col(WATER_FACILITY_GROUP, text('facilityName', '污染治理设施名称')),
          col(WATER_FACILITY_GROUP, text('processCapacity', '污染治理设施工艺及能力')),
          col(WATER_FACILITY_GROUP, yesNo('feasible', '是否为可行技术')),
          col(WATER_FACILITY_GROUP, text('maintenance', '维护情况 (维护频次、内容)')),
          col(WATER_FACILITY_GROUP, text('runningRate', '正常运转率')),
          col(
            undefined,
            yesNo('recordsComplete', '运行记录是否齐全', {
              when: 'no',
              key: 'recordsProblems',
              label: '若选“否”, 说明不全处',
            }),
          ),
          col(
            undefined,
            yesNo('discharged', '废水处理后是否外排', {
              when: 'yes',
              key: 'destination',
              label: '若选“是”, 说明去向',
            }),
          ),
          col(undefined, text('outlet', '排口名称或编号 (同一排口用同一名称和编号)')),
          col(
            undefined,
            yesNo('outletCompliant', '排口设置是否符合要求 (同一排口可只填写一次)', {
              when: 'no',
              key: 'outletProblems',
              label: '若选“否”, 说明不符合要求处 (如暗管偷排、排口无标示等)',
            }),
          ),
        ],
      },
      {
        kind: 'table',
        path: '/water/emissions',
        heading: '(二) 水污染物排放标准及近1年排口实际排放情况',
        minRowsWhen: 'water',
        columns: [
          col(undefined, text('outlet', '排口名称或编号')),
          col(undefined, text('pollutant', '污染物因子')),
          col(WATER_STANDARD_GROUP, text('limit', '浓度限值 (mg/L)')),
          col(WATER_STANDARD_GROUP, text('unitProductWater', '单位产品排水量 (t/产品)', false)),
          col(WATER_STANDARD_GROUP, text('specialLimit', '特殊排放浓度限值 (mg/L)', false)),
          col(WATER_STANDARD_GROUP, text('specialPeriodLimit', '特殊时段排放量限值', false)),
          col(WATER_ACTUAL_GROUP, text('concentrationRange', '浓度范围 (mg/L)')),
          col(WATER_ACTUAL_GROUP, text('totalDischarge', '废水总排放量 (t/年)')),
          col(undefined, text('supervisoryExceedRate', '监督性监测超标率 (%)')),
          col(undefined, text('onlineExceedRate', '在线监测超标率 (%)', false)),
          col(undefined, text('exceedReason', '超标原因', false)),
        ],
      },
      {
        kind: 'fields',
        path: '/water',
        appliesWhen: 'water',
        fields: [area('totals', '全厂水污染物因子及其各自实际排放量汇总(t/年)')],
      },
      {
        kind: 'table',
        path: '/air/facilities',
        heading: '(三) 大气污染物有组织排放产排污环节及污染治理设施',
        minRowsWhen: 'air',
        columns: [
          col(undefined, text('gasName', '废气名称')),
          col(undefined, text('source', '废气来源')),
          col(AIR_FACILITY_GROUP, text('facilityName', '污染治理设施名称')),
          col(AIR_FACILITY_GROUP, yesNo('feasible', '是否可行技术')),
          col(AIR_FACILITY_GROUP, text('maintenance', '维护情况 (维护频次、内容)')),
          col(AIR_FACILITY_GROUP, text('runningRate', '正常运转率')),
          col(
            undefined,
            yesNo('recordsComplete', '运行记录是否齐全', {
              when: 'no',
              key: 'recordsProblems',
              label: '若选“否”, 说明不齐全处',
            }),
          ),
          col(undefined, text('stack', '排气筒名称或编号 (同一排气筒用同一名称和编号)')),
          col(undefined, text('stackParams', '排气筒参数 (高度、出口内径、烟温等)')),
          col(
            undefined,
            yesNo('stackCompliant', '排气筒设置是否符合要求', {
              when: 'no',
              key: 'stackProblems',
              label: '若选“否”, 说明不符合要求处(如高度不够、排口无标示等)',
            }),
          ),
        ],
      },
      {
        kind: 'table',
        path: '/air/emissions',
        heading: '(三) 大气污染物排放标准及近1年排气筒实际排放情况',
        minRowsWhen: 'air',
        columns: [
          col(undefined, text('stack', '排气筒名称或编号')),
          col(undefined, text('pollutant', '污染物因子')),
          col(AIR_STANDARD_GROUP, text('limit', '浓度限值 (mg/Nm³)')),
          col(AIR_STANDARD_GROUP, text('rateLimit', '速率限值 (kg/h)', false)),
          col(AIR_STANDARD_GROUP, text('specialLimit', '特殊限值 (mg/Nm³)', false)),
          col(AIR_ACTUAL_GROUP, text('concentrationRange', '浓度范围 (mg/Nm³)')),
          col(AIR_ACTUAL_GROUP, text('emissionRate', '排放速率 (kg/h)', false)),
          col(undefined, text('supervisoryExceedRate', '监督性监测超标率 (%)')),
          col(undefined, text('onlineExceedRate', '在线监测超标率 (%)', false)),
          col(undefined, text('exceedReason', '超标原因', false)),
        ],
      },
      {
        kind: 'fields',
        path: '/air',
        appliesWhen: 'air',
        fields: [area('totals', '全厂大气污染物因子及其各自实际排放量汇总(t/年)')],
      },
      {
        kind: 'table',
        path: '/fugitive/sources',
        heading: '(四) 大气污染物无组织排放产排污环节及污染治理设施',
        minRowsWhen: 'never',
        columns: [
          col(undefined, text('nameAndSource', '废气名称和来源')),
          col(undefined, text('pollutant', '污染物因子')),
          col(undefined, text('measures', '污染治理措施 (苫盖、洒水、封闭、抑尘网等)')),
        ],
      },
      {
        kind: 'table',
        path: '/fugitive/boundary',
        heading: '(四) 大气污染物无组织排放厂界监测情况',
        minRowsWhen: 'never',
        columns: [
          col(undefined, text('pollutant', '污染物因子')),
          col(undefined, text('concentrationRange', '厂界监测浓度范围 (mg/Nm³)')),
          col(undefined, text('exceedRate', '厂界监测超标率')),
          col(undefined, text('exceedReason', '超标原因', false)),
        ],
      },
    ],
  },
  {
    key: 'conclusion',
    heading: '四、企业自查自测自纠结论',
    blocks: [
      {
        kind: 'fields',
        path: '/conclusion',
        appliesWhen: 'always',
        fields: [
          area('problems', '存在的问题'),
          area('rectificationPlan', '整改方案简述 (包括采取的措施、整改时限)'),
          area('conclusion', '自测自纠结论'),
        ],
      },
    ],
  },
];

/** 五、现场监管环境保护部门排查监测情况及审核意见 — filled by the district when it reviews. */
export const SELF_CHECK_REVIEW_SECTION = {
  key: 'review',
  heading: '五、现场监管环境保护部门排查监测情况及审核意见',
  fields: [
    area('onsiteProblems', '现场排查发现的问题'),
    area('onsiteMonitoring', '现场监测情况'),
    area(
      'recentProblems',
      '近 1 年内发现的环境问题 (包括在线监控、监督性监测超标、被行政处罚或责令整改及整改情况、周边环境质量变化、群众投诉等)',
    ),
    area('opinion', '对企业自查自测自纠情况审核意见'),
  ],
} as const;

/** Every table of the form, in order. */
export const SELF_CHECK_TABLES: readonly SelfCheckFormTable[] = SELF_CHECK_SECTIONS.flatMap((s) =>
  s.blocks.filter((b): b is SelfCheckFormTable => b.kind === 'table'),
);

/** The distinct group headings of a table's columns, each with how many columns it spans. */
export function selfCheckColumnGroups(
  table: SelfCheckFormTable,
): Array<{ group: string | null; columns: SelfCheckColumn[] }> {
  const out: Array<{ group: string | null; columns: SelfCheckColumn[] }> = [];
  for (const c of table.columns) {
    const g = c.group ?? null;
    const last = out[out.length - 1];
    if (g !== null && last && last.group === g) last.columns.push(c);
    else out.push({ group: g, columns: [c] });
  }
  return out;
}
