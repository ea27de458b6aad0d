import { describe, expect, it } from 'vitest';
import {
  batchOfIndustry,
  type CampaignDefinition,
  campaignPhaseStatus,
  campaignStatus,
  industriesOfBatch,
  phaseState,
  validateCampaign,
} from '../../src/campaigns/campaign';
import { TASK_BREAKDOWN_2017 } from '../../src/campaigns/task-breakdown';
import { PROGRAMME_INDUSTRIES } from '../../src/registry/programme-industries';

const keys = (b: number) => PROGRAMME_INDUSTRIES.filter((i) => i.batch === b).map((i) => i.key);
const programme = (): CampaignDefinition => ({
  name: '达标计划',
  startsOn: '2017-04-01',
  endsOn: '2019-06-30',
  coveredRegions: ['430902', '430903'],
  batches: [
    { name: '第一批', industries: keys(1), includesRest: false },
    { name: '第二批', industries: keys(2), includesRest: false },
    { name: '第三批及其他行业', industries: keys(3), includesRest: true },
  ],
  phases: [
    { batch: null, kind: 'deployment', name: '部署', startsOn: '2017-04-01', endsOn: '2017-04-22' },
    { batch: 1, kind: 'screening', name: '第一批排查', startsOn: '2017-04-01', endsOn: '2017-05-15' },
    { batch: 2, kind: 'rectification', name: '第二批整治', startsOn: '2018-07-01', endsOn: '2018-12-31' },
  ],
});
const paths = (d: CampaignDefinition) =>
  validateCampaign(d, new Set(['430902', '430903'])).map((e) => e.path);
const codes = (d: CampaignDefinition) => validateCampaign(d).map((e) => e.code);

describe('validateCampaign', () => {
  it('accepts the 004 programme', () => {
    expect(validateCampaign(programme(), new Set(['430902', '430903']))).toEqual([]);
  });

  it('phases must lie inside the campaign dates, ends ≥ starts', () => {
    const d = programme();
    d.phases = [
      { batch: null, kind: 'deployment', name: 'a', startsOn: '2017-03-31', endsOn: '2017-04-22' },
      { batch: 1, kind: 'screening', name: 'b', startsOn: '2019-06-01', endsOn: '2019-07-01' },
      { batch: 1, kind: 'summary', name: 'c', startsOn: '2018-05-02', endsOn: '2018-05-01' },
    ];
    expect(paths(d)).toEqual(['/phases/0/startsOn', '/phases/1/endsOn', '/phases/2/endsOn']);
    expect(codes(d)).toEqual(['OUTSIDE_CAMPAIGN', 'OUTSIDE_CAMPAIGN', 'ENDS_BEFORE_STARTS']);
  });

  it('a phase on the first and last campaign day is inside', () => {
    const d = programme();
    d.phases = [{ batch: null, kind: 'summary', name: 'x', startsOn: '2017-04-01', endsOn: '2019-06-30' }];
    expect(validateCampaign(d)).toEqual([]);
  });

  it('campaign ends before it starts, bad dates', () => {
    const d = { ...programme(), startsOn: '2019-07-01', endsOn: '2019-06-30' };
    expect(paths(d)).toContain('/endsOn');
    expect(paths({ ...programme(), startsOn: '2019-02-29' })).toEqual(['/startsOn']);
    const p = programme();
    p.phases = [{ batch: 1, kind: 'screening', name: 'x', startsOn: '2017-4-1', endsOn: '2017-05-01' }];
    expect(paths(p)).toEqual(['/phases/0/startsOn']);
  });

  it('an industry may be in one batch only', () => {
    const d = programme();
    d.batches = [d.batches[0]!, { name: '第二批', industries: ['steel', 'coking'], includesRest: false }];
    d.phases = [];
    expect(validateCampaign(d)).toEqual([
      { path: '/batches/1/industries/0', message: '行业“钢铁”已在第1批', code: 'INDUSTRY_IN_TWO_BATCHES' },
    ]);
  });

  it('at most one includes_rest batch; unknown industries; empty batch without rest', () => {
    const d = programme();
    d.batches = [
      { name: 'a', industries: [], includesRest: true },
      { name: 'b', industries: ['nope'], includesRest: true },
      { name: 'c', industries: [], includesRest: false },
    ];
    d.phases = [];
    expect(paths(d)).toEqual(['/batches/1/includesRest', '/batches/1/industries/0', '/batches/2/industries']);
  });

  it('phases refer to an existing batch and a known kind; regions known and distinct', () => {
    const d = programme();
    d.phases = [{ batch: 4, kind: 'party', name: 'x', startsOn: '2017-05-01', endsOn: '2017-05-02' }];
    d.coveredRegions = ['430902', '430902', '110101'];
    expect(paths(d)).toEqual(['/coveredRegions/1', '/coveredRegions/2', '/phases/0/kind', '/phases/0/batch']);
    expect(paths({ ...programme(), coveredRegions: [], name: ' ' })).toEqual(['/name', '/coveredRegions']);
  });
});

describe('batch membership', () => {
  const batches = programme().batches;
  it('an industry named in a batch belongs to it', () => {
    expect(batchOfIndustry(batches, 'steel')).toBe(1);
    expect(batchOfIndustry(batches, 'pharmaceuticals')).toBe(2);
    expect(batchOfIndustry(batches, 'printing')).toBe(3);
  });
  it('other industries and enterprises outside the list go to the includes_rest batch', () => {
    expect(batchOfIndustry(batches, 'unknown_industry')).toBe(3);
    expect(batchOfIndustry(batches, null)).toBe(3);
  });
  it('without a rest batch they belong nowhere', () => {
    expect(batchOfIndustry(batches.slice(0, 2), null)).toBeNull();
    expect(batchOfIndustry(batches.slice(0, 2), 'printing')).toBeNull();
  });
  it('a rest batch stands for every industry not named elsewhere', () => {
    const all = PROGRAMME_INDUSTRIES.map((i) => i.key);
    const rest = industriesOfBatch([batches[0]!, { name: 'r', industries: [], includesRest: true }], 2, all);
    expect(rest.includesUnlisted).toBe(true);
    expect(rest.keys).toEqual([...keys(2), ...keys(3)]);
    expect(industriesOfBatch(batches, 1, all)).toEqual({ keys: keys(1), includesUnlisted: false });
  });
});

describe('phase status on a date (deadline engine)', () => {
  const phase = { startsOn: '2026-10-01', endsOn: '2026-12-15' };
  it('upcoming before 00:00 Shanghai of the first day', () => {
    expect(phaseState(phase, new Date('2026-09-30T15:59:59.999Z')).status).toBe('upcoming');
    expect(phaseState(phase, new Date('2026-09-30T16:00:00Z')).status).toBe('current');
  });
  it('current through 23:59:59.999 Shanghai of the last day, finished from the next ms', () => {
    const last = phaseState(phase, new Date('2026-12-15T15:59:59.999Z'));
    expect(last).toMatchObject({ status: 'current', deadline: 'due-soon' });
    expect(phaseState(phase, new Date('2026-12-15T16:00:00Z'))).toMatchObject({
      status: 'finished',
      deadline: 'overdue',
    });
  });
  it('current and open well before the end, with days left', () => {
    expect(phaseState(phase, new Date('2026-11-23T02:00:00Z'))).toEqual({
      status: 'current',
      deadline: 'open',
      daysLeft: 23,
    });
  });
  it('groups per batch: current / upcoming / finished', () => {
    const now = new Date('2017-05-10T02:00:00Z');
    const groups = campaignPhaseStatus(programme().phases, now);
    expect(groups.map((g) => g.batch)).toEqual([null, 1, 2]);
    expect(groups[0]!.finished.map((p) => p.name)).toEqual(['部署']);
    expect(groups[1]!.current.map((p) => p.name)).toEqual(['第一批排查']);
    expect(groups[2]!.upcoming.map((p) => p.name)).toEqual(['第二批整治']);
    expect(campaignStatus(programme(), now)).toBe('current');
    expect(campaignStatus(programme(), new Date('2026-11-23T02:00:00Z'))).toBe('finished');
  });
});

describe('004 附件5 task breakdown', () => {
  it('has the 20 rows of the seed, numbered 1-20, with work and wording of the seed', () => {
    expect(TASK_BREAKDOWN_2017.map((r) => r.no)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(TASK_BREAKDOWN_2017[1]).toMatchObject({
      work: expect.stringContaining('自查自测'),
      responsible: '排污单位',
    });
    expect(TASK_BREAKDOWN_2017[3]!.leadDepartment).toBe('监察部门');
    expect(TASK_BREAKDOWN_2017[19]!.work).toBe('两级环保部门应建立完善在线异常数据的24小时响应反馈机制。');
    expect(TASK_BREAKDOWN_2017.every((r) => r.work.length > 0)).toBe(true);
  });
});
