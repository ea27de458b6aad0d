import { describe, expect, it } from 'vitest';
import {
  SELF_CHECK_SECTIONS,
  SELF_CHECK_TABLES,
  selfCheckColumnGroups,
  selfCheckTitle,
  validateSelfCheckReview,
  validateSelfCheckSubmission,
} from '../../src/index';

// biome-ignore lint/suspicious/noExplicitAny: the form's content is free-form JSON.
type Json = Record<string, any>;

const ALL = { water: true, air: true, online: true };

/** A fully filled form (every required field, one row per table). */
function filled(): Record<string, unknown> {
  return {
    basic: {
      enterpriseName: '益阳某纸业有限公司',
      creditCode: '91430900MA4L000001',
      legalRepresentative: '张三',
      productsAndScale: '瓦楞纸 5万吨/年',
      startedOn: '2010-05-01',
      address: '赫山区龙岭工业园',
      lng: 112.36,
      lat: 28.55,
      envContact: '李四',
      envContactPhone: '13800000000',
      industry: '造纸',
    },
    permits: {
      permitNumber: '91430900MA4L000001001P',
      permittedPollutants: '化学需氧量 12 t/a；氨氮 1.2 t/a',
      permitValidTo: '2028-12-31',
      disclosesInfo: true,
    },
    violations: { text: '无' },
    supervisoryMonitoring: { text: '监督性监测4次，均未超标' },
    selfMonitoring: { content: '废水总排口每日监测COD', planCompliant: true, recordsComplete: true },
    online: {
      dataTransferCompliant: true,
      installationCompliant: true,
      managementSystem: true,
      dataValidated: true,
      operatingNormally: true,
    },
    process: { description: '制浆—抄纸—复卷' },
    water: {
      facilities: [
        {
          wasteName: '生产废水',
          source: '制浆',
          facilityName: '污水处理站',
          processCapacity: '气浮+生化 2000 t/d',
          feasible: true,
          maintenance: '每周',
          runningRate: '98%',
          recordsComplete: true,
          discharged: true,
          destination: '资江',
          outlet: 'DW001',
          outletCompliant: true,
        },
      ],
      emissions: [
        {
          outlet: 'DW001',
          pollutant: '化学需氧量',
          limit: '80',
          concentrationRange: '20-60',
          totalDischarge: '500000',
          supervisoryExceedRate: '0',
        },
      ],
      totals: '化学需氧量 8.2',
    },
    air: {
      facilities: [
        {
          gasName: '锅炉烟气',
          source: '锅炉',
          facilityName: '布袋除尘',
          feasible: true,
          maintenance: '每月',
          runningRate: '99%',
          recordsComplete: true,
          stack: 'DA001',
          stackParams: '45m/1.2m/120℃',
          stackCompliant: true,
        },
      ],
      emissions: [
        {
          stack: 'DA001',
          pollutant: '颗粒物',
          limit: '30',
          concentrationRange: '5-20',
          supervisoryExceedRate: '0',
        },
      ],
      totals: '颗粒物 1.1',
    },
    fugitive: { sources: [], boundary: [] },
    conclusion: { problems: '无', rectificationPlan: '无', conclusion: '达标' },
  };
}

const paths = (errors: Array<{ path: string }>) => errors.map((e) => e.path);

describe('self-check form definition (004 附件2)', () => {
  it('has the five sections of the seed, with 四 and 五 filled by enterprise and district', () => {
    expect(SELF_CHECK_SECTIONS.map((s) => s.heading)).toEqual([
      '一、企业基本信息',
      '二、企业环境监管情况',
      '三、企业生产设施、污染物治理与排放情况',
      '四、企业自查自测自纠结论',
    ]);
    expect(selfCheckTitle(2017)).toBe('2017 年工业污染源达标计划自查表');
  });

  it('groups the water facility columns under 污染治理设施 (five columns)', () => {
    const water = SELF_CHECK_TABLES.find((t) => t.path === '/water/facilities')!;
    const groups = selfCheckColumnGroups(water);
    const facility = groups.find((g) => g.group?.startsWith('污染治理设施'))!;
    expect(facility.columns.map((c) => c.label)).toEqual([
      '污染治理设施名称',
      '污染治理设施工艺及能力',
      '是否为可行技术',
      '维护情况 (维护频次、内容)',
      '正常运转率',
    ]);
  });
});

describe('validateSelfCheckSubmission', () => {
  it('accepts a fully filled form with a signer', () => {
    expect(validateSelfCheckSubmission(filled(), ALL, '张三')).toEqual([]);
  });

  it('an empty form lists every required field by path and names it by its heading', () => {
    const errors = validateSelfCheckSubmission({}, ALL, '');
    const p = paths(errors);
    expect(p).toContain('/content/basic/enterpriseName');
    expect(p).toContain('/content/basic/lng');
    expect(p).toContain('/content/permits/permitNumber');
    expect(p).toContain('/content/permits/disclosesInfo');
    expect(p).toContain('/content/online/operatingNormally');
    expect(p).toContain('/content/water/facilities');
    expect(p).toContain('/content/air/emissions');
    expect(p).toContain('/content/conclusion/conclusion');
    expect(p).toContain('/signerName');
    expect(p).not.toContain('/content/fugitive/sources');
    const name = errors.find((e) => e.path === '/content/basic/enterpriseName')!;
    expect(name).toMatchObject({ code: 'REQUIRED', message: '「企业名称」不能为空' });
    const rows = errors.find((e) => e.path === '/content/water/facilities')!;
    expect(rows.code).toBe('ROWS_REQUIRED');
    expect(rows.message).toContain('水污染物产排污环节及污染治理设施');
  });

  it('needs an explanation when 否 is chosen, and the destination when wastewater is discharged (是)', () => {
    const c = filled() as Json;
    c.permits.disclosesInfo = false;
    c.selfMonitoring.planCompliant = false;
    c.water.facilities[0].recordsComplete = false;
    c.water.facilities[0].destination = '';
    c.air.facilities[0].stackCompliant = false;
    const errors = validateSelfCheckSubmission(c, ALL, '张三');
    expect(paths(errors).sort()).toEqual(
      [
        '/content/permits/disclosureProblems',
        '/content/selfMonitoring/planProblems',
        '/content/water/facilities/0/recordsProblems',
        '/content/water/facilities/0/destination',
        '/content/air/facilities/0/stackProblems',
      ].sort(),
    );
    expect(errors.every((e) => e.code === 'EXPLANATION_REQUIRED')).toBe(true);
    const dest = errors.find((e) => e.path.endsWith('destination'))!;
    expect(dest.message).toContain('第1行「废水处理后是否外排」选“是”');
    expect(dest.message).toContain('说明去向');
    const disclosure = errors.find((e) => e.path.endsWith('disclosureProblems'))!;
    expect(disclosure.message).toBe('「是否按要求公开环境信息」选“否”，说明环境信息公开存在哪些问题');
    c.permits.disclosureProblems = '未公开自行监测数据';
    c.selfMonitoring.planProblems = '频次不足';
    c.water.facilities[0].recordsProblems = '缺3月记录';
    c.water.facilities[0].destination = '资江';
    c.air.facilities[0].stackProblems = '排口无标示';
    expect(validateSelfCheckSubmission(c, ALL, '张三')).toEqual([]);
  });

  it('no discharge (否) needs no destination', () => {
    const c = filled() as Json;
    c.water.facilities[0].discharged = false;
    delete c.water.facilities[0].destination;
    expect(validateSelfCheckSubmission(c, ALL, '张三')).toEqual([]);
  });

  it('water tables are required only with water outlets; online items only with online monitoring', () => {
    const c = filled() as Json;
    c.water = { facilities: [], emissions: [] };
    c.online = {};
    const none = { water: false, air: true, online: false };
    expect(validateSelfCheckSubmission(c, none, '张三')).toEqual([]);
    const p = paths(validateSelfCheckSubmission(c, ALL, '张三'));
    expect(p).toEqual(
      expect.arrayContaining([
        '/content/water/facilities',
        '/content/water/emissions',
        '/content/water/totals',
        '/content/online/dataTransferCompliant',
      ]),
    );
  });

  it('checks every row of a table, cell by cell', () => {
    const c = filled() as Json;
    c.water.facilities.push({ wasteName: '生活污水' });
    const errors = validateSelfCheckSubmission(c, ALL, '张三');
    expect(paths(errors)).toContain('/content/water/facilities/1/source');
    expect(paths(errors)).toContain('/content/water/facilities/1/feasible');
    expect(paths(errors).some((p) => p.startsWith('/content/water/facilities/0/'))).toBe(false);
    expect(errors.find((e) => e.path === '/content/water/facilities/1/feasible')!.code).toBe(
      'ANSWER_REQUIRED',
    );
  });
});

describe('validateSelfCheckReview', () => {
  const review = {
    onsiteProblems: '无',
    onsiteMonitoring: '达标',
    recentProblems: '无',
    opinion: '同意',
  };
  it('approve needs the four items of section 五 and the reviewer', () => {
    expect(validateSelfCheckReview({ decision: 'approve', review, reviewerName: '王五' })).toEqual([]);
    const errors = validateSelfCheckReview({ decision: 'approve', review: { opinion: '同意' } });
    expect(paths(errors)).toEqual([
      '/review/onsiteProblems',
      '/review/onsiteMonitoring',
      '/review/recentProblems',
      '/reviewerName',
    ]);
    expect(errors[0]!.message).toBe('「现场排查发现的问题」不能为空');
  });
  it('return needs a reason; an unknown verdict is refused', () => {
    expect(paths(validateSelfCheckReview({ decision: 'return', review, reviewerName: '王五' }))).toEqual([
      '/reason',
    ]);
    expect(
      validateSelfCheckReview({ decision: 'return', review, reviewerName: '王五', reason: '漏填' }),
    ).toEqual([]);
    expect(paths(validateSelfCheckReview({ decision: 'maybe', review, reviewerName: '王五' }))).toEqual([
      '/decision',
    ]);
  });
});
