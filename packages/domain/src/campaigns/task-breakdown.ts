/**
 * 004 附件5 《2017 年度工业污染源全面达标排放计划任务分解》, row by row as in the seed: 序号, 牵头部门,
 * 主要工作, 落实主体. In the seed the 牵头部门 cells are merged over several rows; the text keeps the
 * department on the row where the extracted text has it and leaves the others empty (as printed).
 */
export interface TaskBreakdownRow {
  no: number;
  /** 牵头部门 */
  leadDepartment: string;
  /** 主要工作 */
  work: string;
  /** 落实主体 */
  responsible: string;
}

export const TASK_BREAKDOWN_TITLE = '2017 年度工业污染源全面达标排放计划任务分解';

export const TASK_BREAKDOWN_2017: readonly TaskBreakdownRow[] = [
  {
    no: 1,
    leadDepartment: '',
    work: '制定工业污染源全面达标排放计划实施细则, 开展培训、解读, 组织县(市)区环保部门开展工作。',
    responsible: '市级环保部门',
  },
  {
    no: 2,
    leadDepartment: '',
    work: '自查自测, 开展自评, 对发现的问题制定整改方案并组织实施。',
    responsible: '排污单位',
  },
  {
    no: 3,
    leadDepartment: '',
    work: '开展排查监测, 结合相关情况对企业自评提出审查意见, 建立《工业污染源排查整治台账》, 督促企业整改。',
    responsible: '县级环保部门(负责直接监管的市级环保部门)',
  },
  {
    no: 4,
    leadDepartment: '监察部门',
    work: '汇总辖区内《工业污染源排查整治台账》, 根据企业自评和审查意见分行业开展污染物排放情况评估, 编制评估报告。查处相关违法行为。',
    responsible: '市级环保部门',
  },
  { no: 5, leadDepartment: '', work: '查处相关违法行为。', responsible: '县(市)区环保(分)局' },
  {
    no: 6,
    leadDepartment: '',
    work: '督促、指导企业执行《企业事业单位环境信息公开办法》, 向社会公开相关信息。对重点排污单位不依据相关要求如实或按时公开环境信息的, 要依法严格处罚。',
    responsible: '市、县两级环保部门、排污单位',
  },
  {
    no: 7,
    leadDepartment: '',
    work: '定期抽查并通报有关情况, 对环境质量一段时期得不到有效改善、区域内企业超标排放情况严重的地区, 将实施公开约谈、挂牌督办等措施。',
    responsible: '市级环保部门',
  },
  { no: 8, leadDepartment: '', work: '报送达标整治任务总结。', responsible: '市、县两级环保部门' },
  {
    no: 9,
    leadDepartment: '监测部门',
    work: '会同环境监测部门开展监测, 提供相关监测数据。加大对超标排放的企业监测频次。',
    responsible: '市、县两级环保部门',
  },
  {
    no: 10,
    leadDepartment: '科技监测部门',
    work: '督促排污单位严格落实和规范开展自行监测。',
    responsible: '市、县两级环保部门',
  },
  {
    no: 11,
    leadDepartment: '科技监测部门',
    work: '2017年,市县环保部门督促以下行业和重点排污单位安装和运行在线监控设施并与环保部门联网:具备安装条件的钢铁、火电、水泥、电解铝、平板玻璃、造纸、印染、污水处理厂、垃圾焚烧厂等行业企业,实施总磷、总氮总量控制地区排放总磷、总氮的重点排污企业。',
    responsible: '市、县两级环保部门',
  },
  {
    no: 12,
    leadDepartment: '',
    work: '重点排污单位污染源自动监控数据传输有效率要达到90%以上。对于没有安装在线监控设施的重点排污企业要加大检查、监测频次,并要求企业开展自行监测,定期公布监测结果。',
    responsible: '市、县两级环保部门',
  },
  {
    no: 13,
    leadDepartment: '财务科',
    work: '安排污染物排放情况评估资金。',
    responsible: '市、县两级环保部门',
  },
  { no: 14, leadDepartment: '', work: '编制行业污染物排放情况评估报告。', responsible: '市级环保部门' },
  {
    no: 15,
    leadDepartment: '法宣部门',
    work: '推进环境执法信息公开,除保密信息外,全面公开执法检查、监督管理,以及相关法规政策标准等信息,进一步规范、完善“环境违法行为曝光台”等信息公开平台建设。对于违法情节严重、影响恶劣的,各级环保部门要及时向社会公布违法企业及其法定代表人和主要负责人名单、违法事实和处罚措施等信息,充分发挥负面典型案例的震慑警示作用。',
    responsible: '市、县两级环保部门',
  },
  {
    no: 16,
    leadDepartment: '',
    work: '充分利用电视、广播、报纸、报纸、互联网等媒体,对偷排偷放、数据造假、不正常运行污染防治设施、严重超标排放等环境违法行为为重点曝光,同时也要对达标计划工作的进展、采取的措施、取得的成绩进行正面报道,营造良好的工作氛围。',
    responsible: '市、县两级环保部门',
  },
  {
    no: 17,
    leadDepartment: '管理部门',
    work: '两级环保部门应依据政策要求,加强与相关部门的协作配合,依法依规对违法排污单位及其法定代表人、主要负责人和负有直接责任的有关人员实施限制市场准入、停止优惠政策、限制考核表彰等联合惩戒措施,并在当地主要媒体和政府网站向社会公布相关信息。',
    responsible: '市、县两级环保部门',
  },
  {
    no: 18,
    leadDepartment: '监察、监测部门',
    work: '两级环保部门建立健全环境监测联动机制,建立信息沟通机制和监察监测联系单制度,实现监察监测无缝对接,确保达标计划顺利实施。',
    responsible: '',
  },
  {
    no: 19,
    leadDepartment: '',
    work: '两级环保部门在污染源监控系统管理和环境监测机构中各设置2名督办联系人,并及时报告人员调整情况。',
    responsible: '市、县两级环保部门',
  },
  {
    no: 20,
    leadDepartment: '监测、监察、信息中心',
    work: '两级环保部门应建立完善在线异常数据的24小时响应反馈机制。',
    responsible: '市、县两级环保部门',
  },
];
