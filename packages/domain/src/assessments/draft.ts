/**
 * Drafting an assessment report or a yearly summary from its figures: pure, so the same figures
 * always give the same text. The author edits the draft afterwards; the figures stay as counted.
 *
 * Assessment report (001 第四阶段): "评估报告应包括工业污染源总体情况、存在的问题和不足、评估结论、对策建议和
 * 下一步工作计划等内容；超标企业详细情况至少应包括企业污染物排放种类、污染治理设施建设运行、污染治理工艺、超标原因及治理计划等内容".
 * Yearly summary (001 第六阶段): "一是工作开展情况，包括排查数量、评估结果、整治进度等信息；二是主要工作成果，…并提供具体事例
 * 和详实数据；三是查找工作中遇到的问题和存在的不足；四是分析问题存在的原因，提出切实可行的改进措施".
 */
import {
  type AssessmentFigures,
  type AssessmentKind,
  type CountBy,
  type ExceedingEnterprise,
  PROBLEM_STATUS_ZH,
  percentText,
} from './figures';

export interface Section {
  key: string;
  heading: string;
  text: string;
}

export const ASSESSMENT_SECTIONS = [
  { key: 'overview', heading: '一、工业污染源总体情况' },
  { key: 'problems', heading: '二、存在的问题和不足' },
  { key: 'conclusion', heading: '三、评估结论' },
  { key: 'recommendations', heading: '四、对策建议' },
  { key: 'next_steps', heading: '五、下一步工作计划' },
  { key: 'exceeding', heading: '附：超标企业详细情况' },
] as const;

export const YEARLY_SUMMARY_SECTIONS = [
  { key: 'work', heading: '一、工作开展情况' },
  { key: 'results', heading: '二、主要工作成果' },
  { key: 'shortcomings', heading: '三、工作中遇到的问题和存在的不足' },
  { key: 'causes', heading: '四、原因分析和改进措施' },
] as const;

export const sectionsOf = (kind: AssessmentKind) =>
  kind === 'assessment' ? ASSESSMENT_SECTIONS : YEARLY_SUMMARY_SECTIONS;

/** 2026-11-23 → 2026年11月23日. */
export function dateZh(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** 益阳市赫山区 / 益阳市赫山区造纸行业 — the subject of the report. */
export function subjectOf(f: Pick<AssessmentFigures, 'regionName' | 'industryName'>): string {
  return f.industryName ? `${f.regionName}${f.industryName}行业` : f.regionName;
}

export function assessmentTitle(kind: AssessmentKind, f: AssessmentFigures): string {
  return kind === 'assessment'
    ? `${subjectOf(f)}工业污染源污染物排放情况评估报告`
    : `${subjectOf(f)}${f.periodTo.slice(0, 4)}年度达标计划工作总结`;
}

const list = (items: readonly CountBy[]) =>
  items
    .filter((i) => i.count > 0)
    .map((i) => `${i.label}${i.count}个`)
    .join('、');

const periodZh = (f: AssessmentFigures) => `${dateZh(f.periodFrom)}至${dateZh(f.periodTo)}`;

function overview(f: AssessmentFigures): string {
  const e = f.enterprises;
  const batches = list(e.byBatch);
  const industries = list(e.byIndustry.slice(0, 8));
  const m = f.monitoring;
  const parts = [
    `${periodZh(f)}，${subjectOf(f)}纳入《${f.campaignName}》的工业污染源共${e.total}家` +
      (batches ? `，其中${batches.replace(/个/g, '家')}` : '') +
      '。',
    industries ? `按行业分：${industries.replace(/个/g, '家')}。` : '',
    `企业自查：${f.selfChecks.enterprisesSubmitted}家企业已提交自查表，${f.selfChecks.enterprisesNotSubmitted}家尚未提交；` +
      `提交的自查表中审核通过${f.selfChecks.approved}份，退回修改${f.selfChecks.returned}份。`,
    `在线监控：共有在线监测设备${m.monitors}台（涉及企业${m.enterprisesWithMonitors}家），期间联网传输数据的${m.networkedMonitors}台，` +
      `联网率${percentText(m.networkedShare)}；数据传输有效率${percentText(m.transmissionValidityRate)}` +
      `（应传${m.expected}条、实传${m.received}条、有效${m.valid}条），${m.meetsTarget ? '达到' : '未达到'}90%的要求。`,
    `期间产生超标报警${f.alarms.exceedanceAlarms}次，下发电子报警单${f.alarms.sheets}份，经核实确认超标${f.alarms.confirmedSheets}份，` +
      `涉及超标企业${f.alarms.exceedingEnterprises}家。`,
  ];
  return parts.filter(Boolean).join('\n');
}

function problemsText(f: AssessmentFigures): string {
  const p = f.problems;
  if (p.total === 0)
    return `排查未发现需要整改的问题。${f.alarms.confirmedSheets ? `但期间仍有${f.alarms.confirmedSheets}份报警单确认超标，须纳入问题整改台账。` : ''}`;
  const lines = [
    `排查共发现问题${p.total}个，涉及企业${p.enterprises}家。按问题类型分：${list(p.byType)}。`,
    `按处理方式分：${list(p.byHandling)}。`,
    `截至目前已完成整改销号${p.closed}个，销号率${percentText(p.closureRate)}；` +
      `尚未销号${p.total - p.closed}个，其中逾期未完成整改${p.overdue}个。`,
  ];
  if (f.selfChecks.enterprisesNotSubmitted > 0)
    lines.push(`仍有${f.selfChecks.enterprisesNotSubmitted}家企业未提交自查表，排查底数尚不完整。`);
  if (!f.monitoring.meetsTarget && f.monitoring.expected > 0)
    lines.push(
      `在线监测数据传输有效率为${percentText(f.monitoring.transmissionValidityRate)}，低于90%的要求。`,
    );
  if (f.monitoring.networkedShare !== null && f.monitoring.networkedShare < 1)
    lines.push(
      `有${f.monitoring.monitors - f.monitoring.networkedMonitors}台在线监测设备期间未联网传输数据。`,
    );
  return lines.join('\n');
}

function conclusion(f: AssessmentFigures): string {
  const e = f.enterprises.total;
  const exceeding = f.exceeding.length;
  const withProblems = f.problems.enterprises;
  const compliant = Math.max(0, e - withProblems);
  const open = f.problems.total - f.problems.closed;
  return (
    `经评估，${subjectOf(f)}${e}家工业污染源中，${compliant}家未发现问题，${withProblems}家存在问题，` +
    `其中${exceeding}家存在超标排放情况（见附：超标企业详细情况）。` +
    (open === 0
      ? '排查发现的问题均已整改销号，基本实现全面达标排放。'
      : `尚有${open}个问题未完成整改销号，${f.problems.overdue ? `其中${f.problems.overdue}个已逾期，` : ''}全面达标排放任务尚未完成。`)
  );
}

function recommendations(f: AssessmentFigures): string {
  const lines: string[] = [];
  let n = 1;
  const add = (s: string) => lines.push(`${n++}. ${s}`);
  if (f.exceeding.length)
    add(
      `对${f.exceeding.length}家超标企业实施“一企一策”，明确达标升级改造路线，采取限期整改一批、挂牌督办一批、淘汰关闭一批等措施。`,
    );
  if (f.problems.overdue)
    add(`对逾期未完成整改的${f.problems.overdue}个问题挂牌督办，依法严格处罚并跟踪整改。`);
  if (f.selfChecks.enterprisesNotSubmitted)
    add(`督促${f.selfChecks.enterprisesNotSubmitted}家未提交自查表的企业限期完成自查，做到排查全覆盖。`);
  if (!f.monitoring.meetsTarget)
    add('督促企业和运维单位加强在线监测设备运行维护，确保数据传输有效率达到90%以上。');
  add('强化24小时报警响应机制，超标报警及时核实处理并反馈。');
  add('推进环境信息公开，督促企业公开超标排放情况及整改进展，接受社会监督。');
  return lines.join('\n');
}

function nextSteps(f: AssessmentFigures): string {
  const open = f.problems.total - f.problems.closed;
  return [
    `1. 建立完善问题整改台账，每月对企业整改情况进行检查，直至${open ? `现有${open}个` : '所有'}问题整改完成。`,
    '2. 按期报送排查台账、问题整改台账和案件查处情况，实行动态销号管理。',
    '3. 结合日常随机抽查、专家复核，对整改完成情况开展现场核查。',
    '4. 总结排查、评估和整治工作，按时报送年度达标计划工作总结。',
  ].join('\n');
}

/** 超标企业详细情况: per enterprise 污染物排放种类、污染治理设施建设运行、污染治理工艺、超标原因及治理计划. */
export function exceedingText(e: ExceedingEnterprise): string {
  const facilities = e.facilities.length
    ? e.facilities
        .map(
          (x) =>
            `${x.name}${x.feasibleTechnology === false ? '（非可行技术）' : x.feasibleTechnology ? '（可行技术）' : ''}`,
        )
        .join('、')
    : '未登记污染治理设施';
  const processes = [...new Set(e.facilities.map((x) => x.process).filter((x): x is string => !!x))];
  // A problem raised from an alarm carries the whole evidence: its first line names the cause.
  const reasons = e.problems.map((p) => p.description.split('\n')[0]!.trim()).filter(Boolean);
  const plans = e.problems
    .filter((p) => p.measures || p.deadlineOn)
    .map(
      (p) =>
        `${p.measures ?? '整改措施待定'}${p.deadlineOn ? `（${dateZh(p.deadlineOn)}前完成，${PROBLEM_STATUS_ZH[p.status] ?? p.status}）` : ''}`,
    );
  return [
    `${e.name}（${e.regionName}${e.industryName ? `，${e.industryName}` : ''}）`,
    `污染物排放种类：${e.pollutants.length ? e.pollutants.join('、') : '未登记'}${e.exceededPollutants.length ? `；超标污染物：${e.exceededPollutants.join('、')}` : ''}。`,
    `污染治理设施建设运行：${facilities}；期间超标报警${e.exceedanceAlarms}次，确认超标${e.confirmedSheets}次。`,
    `污染治理工艺：${processes.length ? processes.join('、') : '未登记'}。`,
    `超标原因：${reasons.length ? reasons.join('；') : '待核实'}。`,
    `治理计划：${plans.length ? plans.join('；') : '尚未制定，须限期制定整改方案'}。`,
  ].join('\n');
}

function exceedingSection(f: AssessmentFigures): string {
  if (!f.exceeding.length) return '评估期间无超标企业。';
  return f.exceeding.map((e, i) => `（${i + 1}）${exceedingText(e)}`).join('\n\n');
}

function yearlyWork(f: AssessmentFigures): string {
  const p = f.problems;
  return [
    `排查数量：${periodZh(f)}，${subjectOf(f)}共排查工业污染源${f.enterprises.total}家，${f.selfChecks.enterprisesSubmitted}家企业提交自查表，审核通过${f.selfChecks.approved}份。`,
    `评估结果：发现问题${p.total}个，涉及企业${p.enterprises}家，其中超标排放企业${f.exceeding.length}家；问题类型为${list(p.byType) || '无'}。`,
    `整治进度：已整改销号${p.closed}个，销号率${percentText(p.closureRate)}；限期整改、挂牌督办、淘汰关闭分别为${countOf(p.byHandling, 'deadline_rectification')}、${countOf(p.byHandling, 'listed_supervision')}、${countOf(p.byHandling, 'closure')}个；下达限期整改通知书${f.notices.issued}份。`,
  ].join('\n');
}

const countOf = (items: readonly CountBy[], key: string) => items.find((i) => i.key === key)?.count ?? 0;

function yearlyResults(f: AssessmentFigures): string {
  const m = f.monitoring;
  const lines = [
    `1. 排查成效：${f.enterprises.total}家工业污染源全部纳入排查，建立排查台账和问题整改台账。`,
    `2. 整治成效：${f.problems.closed}个问题完成整改并经区县、市局两级核查销号（销号申请${f.signOffs.applied + f.signOffs.districtVerified + f.signOffs.closed}件，已销号${f.signOffs.closed}件）。`,
    `3. 在线监控：${m.monitors}台在线监测设备联网率${percentText(m.networkedShare)}，数据传输有效率${percentText(m.transmissionValidityRate)}；超标报警${f.alarms.exceedanceAlarms}次均下发电子报警单处理，确认超标${f.alarms.confirmedSheets}份。`,
  ];
  const closedExamples = f.exceeding
    .flatMap((e) => e.problems.filter((p) => p.status === 'closed').map((p) => ({ e, p })))
    .slice(0, 3);
  if (closedExamples.length)
    lines.push(
      `4. 典型事例：${closedExamples
        .map(({ e, p }) => `${e.name}针对“${p.description}”，${p.measures ?? '完成整改'}，已整改销号`)
        .join('；')}。`,
    );
  return lines.join('\n');
}

function yearlyShortcomings(f: AssessmentFigures): string {
  const lines: string[] = [];
  const open = f.problems.total - f.problems.closed;
  if (open)
    lines.push(
      `尚有${open}个问题未完成整改销号${f.problems.overdue ? `，其中${f.problems.overdue}个逾期` : ''}。`,
    );
  if (f.selfChecks.enterprisesNotSubmitted)
    lines.push(`${f.selfChecks.enterprisesNotSubmitted}家企业未按时提交自查表。`);
  if (f.selfChecks.returned) lines.push(`${f.selfChecks.returned}份自查表因填报不实、不全被退回。`);
  if (!f.monitoring.meetsTarget)
    lines.push(
      `在线监测数据传输有效率${percentText(f.monitoring.transmissionValidityRate)}，未达到90%的要求。`,
    );
  if (f.alarms.confirmedSheets) lines.push(`期间仍有${f.alarms.confirmedSheets}起确认超标排放。`);
  if (f.signOffs.refused) lines.push(`${f.signOffs.refused}件销号申请核查未通过，整改质量有待提高。`);
  return lines.length ? lines.map((l, i) => `${i + 1}. ${l}`).join('\n') : '本年度工作未发现明显不足。';
}

function yearlyCauses(f: AssessmentFigures): string {
  const lines = [
    '原因分析：部分企业主体责任落实不到位，治理设施老化或工艺不能稳定达标；部分在线监测设备运维不规范；整改资金和技术支撑不足。',
    '改进措施：',
    `1. 对未完成整改的问题逐一落实责任单位和责任人，每月调度进展，逾期的挂牌督办。`,
    '2. 督促超标企业按“一企一策”实施升级改造，确保按期达标。',
    '3. 加强在线监测设备运维监管，对数据传输有效率不达标的运维单位约谈通报。',
    '4. 结合“双随机”抽查和专家复核，巩固整治成果，防止问题反弹。',
  ];
  if (f.problems.overdue === 0) lines[2] = '1. 对未完成整改的问题逐一落实责任单位和责任人，每月调度进展。';
  return lines.join('\n');
}

/** The first draft of each section of a report of `kind`, in the order of its headings. */
export function draftSections(kind: AssessmentKind, f: AssessmentFigures): Section[] {
  const text: Record<string, (f: AssessmentFigures) => string> =
    kind === 'assessment'
      ? {
          overview,
          problems: problemsText,
          conclusion,
          recommendations,
          next_steps: nextSteps,
          exceeding: exceedingSection,
        }
      : { work: yearlyWork, results: yearlyResults, shortcomings: yearlyShortcomings, causes: yearlyCauses };
  return sectionsOf(kind).map(({ key, heading }) => ({ key, heading, text: text[key]!(f) }));
}

export interface FieldProblem {
  path: string;
  message: string;
  code: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** What is wrong with a request for a new report (scope and period; the region is checked by the server). */
export function checkAssessmentRequest(input: {
  scope: string;
  industry?: string | null | undefined;
  periodFrom: string;
  periodTo: string;
}): FieldProblem[] {
  const out: FieldProblem[] = [];
  if (input.scope === 'industry' && !input.industry)
    out.push({ path: '/industry', message: '按行业评估须选择行业', code: 'REQUIRED' });
  if (input.scope === 'region' && input.industry)
    out.push({ path: '/industry', message: '按区域评估不选行业', code: 'NOT_ALLOWED' });
  const okFrom = DATE.test(input.periodFrom) && !Number.isNaN(Date.parse(input.periodFrom));
  const okTo = DATE.test(input.periodTo) && !Number.isNaN(Date.parse(input.periodTo));
  if (!okFrom) out.push({ path: '/periodFrom', message: '日期格式应为 YYYY-MM-DD', code: 'FORMAT' });
  if (!okTo) out.push({ path: '/periodTo', message: '日期格式应为 YYYY-MM-DD', code: 'FORMAT' });
  if (okFrom && okTo && input.periodTo < input.periodFrom)
    out.push({ path: '/periodTo', message: '截止日期不能早于起始日期', code: 'PERIOD_REVERSED' });
  return out;
}

/**
 * An edit of the sections: only the texts change, every key must be one of the report's, each at
 * most once; sections left out keep their text. Returns the new sections or the problems.
 */
export function applySectionEdits(
  current: readonly Section[],
  edits: readonly { key: string; text: string }[],
): { sections: Section[]; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const seen = new Set<string>();
  const byKey = new Map(current.map((s) => [s.key, s]));
  edits.forEach((e, i) => {
    if (!byKey.has(e.key))
      problems.push({
        path: `/sections/${i}/key`,
        message: `没有这一部分：${e.key}`,
        code: 'UNKNOWN_SECTION',
      });
    else if (seen.has(e.key))
      problems.push({ path: `/sections/${i}/key`, message: '同一部分只能出现一次', code: 'DUPLICATE' });
    seen.add(e.key);
    if (e.text.length > 20_000)
      problems.push({ path: `/sections/${i}/text`, message: '内容不能超过20000字', code: 'TOO_LONG' });
  });
  if (problems.length) return { sections: [...current], problems };
  const text = new Map(edits.map((e) => [e.key, e.text]));
  return { sections: current.map((s) => ({ ...s, text: text.get(s.key) ?? s.text })), problems };
}
