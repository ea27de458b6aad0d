import { describe, expect, it } from 'vitest';
import {
  ASSESSMENT_SECTIONS,
  applySectionEdits,
  assessmentTitle,
  checkAssessmentRequest,
  draftSections,
  exceedingText,
  YEARLY_SUMMARY_SECTIONS,
} from '../../src/assessments/draft';
import { type AssessmentFigures, percentText } from '../../src/assessments/figures';

const figures = (over: Partial<AssessmentFigures> = {}): AssessmentFigures => ({
  regionCode: '430903',
  regionName: '益阳市赫山区',
  industry: null,
  industryName: null,
  campaignName: '益阳市2026年工业污染源全面达标排放复查',
  periodFrom: '2026-09-01',
  periodTo: '2026-11-30',
  generatedAt: '2026-11-23T02:00:00.000Z',
  enterprises: {
    total: 12,
    byBatch: [
      { key: '1', label: '第一批', count: 5 },
      { key: '2', label: '第二批', count: 7 },
    ],
    byIndustry: [{ key: 'paper', label: '造纸', count: 3 }],
  },
  selfChecks: {
    enterprisesSubmitted: 10,
    enterprisesNotSubmitted: 2,
    submitted: 11,
    approved: 8,
    returned: 1,
  },
  problems: {
    total: 4,
    byType: [
      { key: 'exceedance', label: '污染物排放超标', count: 3 },
      { key: 'other', label: '其他', count: 1 },
    ],
    byHandling: [
      { key: 'deadline_rectification', label: '限期整改', count: 3 },
      { key: 'listed_supervision', label: '挂牌督办', count: 1 },
    ],
    byStatus: [
      { key: 'open', label: '整改中', count: 3 },
      { key: 'closed', label: '已销号', count: 1 },
    ],
    closed: 1,
    closureRate: 0.25,
    overdue: 2,
    enterprises: 3,
  },
  signOffs: { applied: 1, districtVerified: 0, closed: 1, refused: 1 },
  monitoring: {
    monitors: 8,
    networkedMonitors: 6,
    networkedShare: 0.75,
    enterprisesWithMonitors: 5,
    expected: 1000,
    received: 900,
    valid: 850,
    transmissionValidityRate: 0.85,
    meetsTarget: false,
  },
  alarms: { exceedanceAlarms: 7, sheets: 7, confirmedSheets: 4, exceedingEnterprises: 2 },
  notices: { issued: 2 },
  exceeding: [
    {
      id: 1,
      name: '赫山造纸厂',
      regionName: '益阳市赫山区',
      industryName: '造纸',
      pollutants: ['化学需氧量', '氨氮'],
      exceededPollutants: ['化学需氧量'],
      facilities: [{ name: '污水处理站', process: 'A/O', feasibleTechnology: false }],
      exceedanceAlarms: 5,
      confirmedSheets: 3,
      problems: [
        {
          type: 'exceedance',
          description: '生化池处理能力不足导致COD超标',
          measures: '扩建生化池',
          deadlineOn: '2027-02-28',
          status: 'open',
        },
      ],
    },
  ],
  ...over,
});

describe('assessment drafting (001 第四阶段)', () => {
  it('drafts the five parts and the exceeding enterprises, in order', () => {
    const s = draftSections('assessment', figures());
    expect(s.map((x) => x.heading)).toEqual(ASSESSMENT_SECTIONS.map((x) => x.heading));
    expect(s.map((x) => x.heading)).toEqual([
      '一、工业污染源总体情况',
      '二、存在的问题和不足',
      '三、评估结论',
      '四、对策建议',
      '五、下一步工作计划',
      '附：超标企业详细情况',
    ]);
  });

  it('writes the counted figures into the text', () => {
    const [overview, problems, conclusion] = draftSections('assessment', figures());
    expect(overview!.text).toContain('工业污染源共12家');
    expect(overview!.text).toContain('第一批5家、第二批7家');
    expect(overview!.text).toContain('联网率75.0%');
    expect(overview!.text).toContain('数据传输有效率85.0%');
    expect(overview!.text).toContain('未达到90%的要求');
    expect(overview!.text).toContain('确认超标4份');
    expect(problems!.text).toContain('发现问题4个，涉及企业3家');
    expect(problems!.text).toContain('污染物排放超标3个、其他1个');
    expect(problems!.text).toContain('销号率25.0%');
    expect(problems!.text).toContain('逾期未完成整改2个');
    expect(conclusion!.text).toContain('9家未发现问题，3家存在问题');
    expect(conclusion!.text).toContain('尚有3个问题未完成整改销号');
  });

  it('the exceeding enterprise shows 排放种类, 设施建设运行, 工艺, 超标原因及治理计划', () => {
    const t = exceedingText(figures().exceeding[0]!);
    expect(t).toContain('污染物排放种类：化学需氧量、氨氮；超标污染物：化学需氧量');
    expect(t).toContain('污水处理站（非可行技术）');
    expect(t).toContain('污染治理工艺：A/O');
    expect(t).toContain('超标原因：生化池处理能力不足导致COD超标');
    expect(t).toContain('治理计划：扩建生化池（2027年2月28日前完成，整改中）');
  });

  it('says when everything is done and nothing exceeded', () => {
    const f = figures({
      problems: { ...figures().problems, closed: 4, closureRate: 1, overdue: 0 },
      exceeding: [],
      monitoring: { ...figures().monitoring, meetsTarget: true, transmissionValidityRate: 0.95 },
    });
    const s = draftSections('assessment', f);
    expect(s[2]!.text).toContain('均已整改销号');
    expect(s[5]!.text).toBe('评估期间无超标企业。');
    expect(s[3]!.text).not.toContain('数据传输有效率达到90%以上');
  });

  it('titles a region and an industry report', () => {
    expect(assessmentTitle('assessment', figures())).toBe('益阳市赫山区工业污染源污染物排放情况评估报告');
    expect(assessmentTitle('yearly_summary', figures({ industryName: '造纸' }))).toBe(
      '益阳市赫山区造纸行业2026年度达标计划工作总结',
    );
  });
});

describe('yearly summary (001 第六阶段, four parts)', () => {
  it('一是…四是 with counts, progress and a concrete example', () => {
    const f = figures();
    f.exceeding[0]!.problems.push({
      type: 'exceedance',
      description: '脱硫设施故障',
      measures: '更换循环泵',
      deadlineOn: '2026-10-31',
      status: 'closed',
    });
    const s = draftSections('yearly_summary', f);
    expect(s.map((x) => x.heading)).toEqual(YEARLY_SUMMARY_SECTIONS.map((x) => x.heading));
    expect(s[0]!.text).toContain('共排查工业污染源12家');
    expect(s[0]!.text).toContain('限期整改、挂牌督办、淘汰关闭分别为3、1、0个');
    expect(s[0]!.text).toContain('下达限期整改通知书2份');
    expect(s[1]!.text).toContain('典型事例：赫山造纸厂针对“脱硫设施故障”，更换循环泵，已整改销号');
    expect(s[2]!.text).toContain('尚有3个问题未完成整改销号，其中2个逾期');
    expect(s[2]!.text).toContain('1件销号申请核查未通过');
    expect(s[3]!.text).toContain('改进措施');
  });
});

describe('request and edit checks', () => {
  it('industry scope needs an industry; a reversed period is refused', () => {
    expect(
      checkAssessmentRequest({ scope: 'industry', periodFrom: '2026-01-01', periodTo: '2025-12-31' }),
    ).toEqual([
      { path: '/industry', message: '按行业评估须选择行业', code: 'REQUIRED' },
      { path: '/periodTo', message: '截止日期不能早于起始日期', code: 'PERIOD_REVERSED' },
    ]);
    expect(
      checkAssessmentRequest({
        scope: 'industry',
        industry: 'paper',
        periodFrom: '2026-01-01',
        periodTo: '2026-01-01',
      }),
    ).toEqual([]);
    expect(
      checkAssessmentRequest({ scope: 'region', periodFrom: '2026-13-01', periodTo: '2026-01-01' })[0]?.path,
    ).toBe('/periodFrom');
  });

  it('edits only known sections, once each', () => {
    const current = draftSections('yearly_summary', figures());
    const ok = applySectionEdits(current, [{ key: 'causes', text: '改写' }]);
    expect(ok.problems).toEqual([]);
    expect(ok.sections[3]!.text).toBe('改写');
    expect(ok.sections[0]!.text).toBe(current[0]!.text);
    const bad = applySectionEdits(current, [
      { key: 'causes', text: 'a' },
      { key: 'causes', text: 'b' },
      { key: 'nope', text: 'c' },
    ]);
    expect(bad.problems.map((p) => [p.path, p.code])).toEqual([
      ['/sections/1/key', 'DUPLICATE'],
      ['/sections/2/key', 'UNKNOWN_SECTION'],
    ]);
  });

  it('percentages', () => {
    expect(percentText(null)).toBe('无数据');
    expect(percentText(0.8567)).toBe('85.7%');
    expect(percentText(1)).toBe('100.0%');
  });
});

describe('exceeding enterprise text', () => {
  it('takes the first line of a problem raised from an alarm as its cause', () => {
    const e = {
      id: 2,
      name: '某热电厂',
      regionName: '赫山区',
      industryName: null,
      pollutants: [],
      exceededPollutants: [],
      facilities: [],
      exceedanceAlarms: 1,
      confirmedSheets: 1,
      problems: [
        {
          type: 'exceedance',
          description: '二氧化硫超标\n数据时段：…\n限值取值：…',
          measures: null,
          deadlineOn: null,
          status: 'open',
        },
      ],
    };
    const text = exceedingText(e);
    expect(text).toContain('超标原因：二氧化硫超标。');
    expect(text).not.toContain('数据时段');
    expect(text).toContain('污染物排放种类：未登记');
    expect(text).toContain('治理计划：尚未制定，须限期制定整改方案');
  });
});
