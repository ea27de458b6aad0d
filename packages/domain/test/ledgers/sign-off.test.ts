import { describe, expect, it } from 'vitest';
import {
  followUpDue,
  PROBLEM_HANDLINGS,
  PROBLEM_TYPES,
  RECTIFICATION_LEDGER_COLUMNS,
  SCREENING_LEDGER_COLUMNS,
  type SignOffActor,
  type SignOffCommand,
  type SignOffProblemFacts,
  signOffQueueStatus,
  signOffTransition,
} from '../../src/index';

const problem: SignOffProblemFacts = { status: 'open', enterpriseId: 7, districtCode: '430903' };
const ent: SignOffActor = { role: 'enterprise', regionCode: '430903', enterpriseId: 7 };
const otherEnt: SignOffActor = { role: 'enterprise', regionCode: '430903', enterpriseId: 8 };
const district: SignOffActor = { role: 'district', regionCode: '430903', enterpriseId: null };
const otherDistrict: SignOffActor = { role: 'district', regionCode: '430902', enterpriseId: null };
const city: SignOffActor = { role: 'city', regionCode: '430900', enterpriseId: null };
const grid: SignOffActor = { role: 'grid', regionCode: '430903', enterpriseId: null };

const apply: SignOffCommand = {
  action: 'apply',
  measuresTaken: '更换布袋除尘器',
  completion: '已完成并经复测达标',
  evidence: [{ name: '复测报告', note: 'HJ-2026-118' }],
};
const verify = (action: 'district_verify' | 'city_verify', decision: 'approve' | 'refuse') =>
  ({
    action,
    decision,
    opinion: decision === 'approve' ? '同意销号' : '措施未落实',
    verifierName: '张三',
  }) as const;

describe('sign-off state machine (004 附件4)', () => {
  it('runs apply → district approve → city approve to a closed problem', () => {
    const a = signOffTransition(problem, null, ent, apply);
    expect(a).toEqual({
      ok: true,
      roundStatus: 'applied',
      problemStatus: 'applied',
      round: 1,
      closes: false,
    });
    const d = signOffTransition(
      { ...problem, status: 'applied' },
      { status: 'applied', round: 1 },
      district,
      verify('district_verify', 'approve'),
    );
    expect(d).toMatchObject({
      ok: true,
      roundStatus: 'district_verified',
      problemStatus: 'district_verified',
    });
    const c = signOffTransition(
      { ...problem, status: 'district_verified' },
      { status: 'district_verified', round: 1 },
      city,
      verify('city_verify', 'approve'),
    );
    expect(c).toMatchObject({ ok: true, roundStatus: 'closed', problemStatus: 'closed', closes: true });
  });

  it('sends the problem back to open on a refusal, and the next application is a new round', () => {
    const d = signOffTransition(
      { ...problem, status: 'applied' },
      { status: 'applied', round: 1 },
      district,
      verify('district_verify', 'refuse'),
    );
    expect(d).toMatchObject({
      ok: true,
      roundStatus: 'district_refused',
      problemStatus: 'open',
      closes: false,
    });
    const again = signOffTransition(problem, { status: 'district_refused', round: 1 }, ent, apply);
    expect(again).toMatchObject({ ok: true, round: 2 });
    const c = signOffTransition(
      { ...problem, status: 'district_verified' },
      { status: 'district_verified', round: 2 },
      city,
      verify('city_verify', 'refuse'),
    );
    expect(c).toMatchObject({ ok: true, roundStatus: 'city_refused', problemStatus: 'open' });
    expect(signOffTransition(problem, { status: 'city_refused', round: 2 }, ent, apply)).toMatchObject({
      round: 3,
    });
  });

  it('refuses wrong roles and scopes', () => {
    expect(signOffTransition(problem, null, district, apply)).toMatchObject({
      ok: false,
      code: 'NOT_ALLOWED_ROLE',
    });
    expect(signOffTransition(problem, null, otherEnt, apply)).toMatchObject({
      ok: false,
      code: 'OUT_OF_SCOPE',
    });
    const applied = { ...problem, status: 'applied' as const };
    const round = { status: 'applied' as const, round: 1 };
    expect(signOffTransition(applied, round, ent, verify('district_verify', 'approve'))).toMatchObject({
      code: 'NOT_ALLOWED_ROLE',
    });
    expect(signOffTransition(applied, round, city, verify('district_verify', 'approve'))).toMatchObject({
      code: 'NOT_ALLOWED_ROLE',
    });
    expect(signOffTransition(applied, round, grid, verify('district_verify', 'approve'))).toMatchObject({
      code: 'NOT_ALLOWED_ROLE',
    });
    expect(
      signOffTransition(applied, round, otherDistrict, verify('district_verify', 'approve')),
    ).toMatchObject({
      code: 'OUT_OF_SCOPE',
    });
    expect(signOffTransition(applied, round, district, verify('city_verify', 'approve'))).toMatchObject({
      code: 'NOT_ALLOWED_ROLE',
    });
  });

  it('requires evidence, an opinion and a verifier name', () => {
    const r = signOffTransition(problem, null, ent, { ...apply, evidence: [] } as SignOffCommand);
    expect(r).toMatchObject({ ok: false, code: 'INVALID_INPUT', message: '销号须附整改证据' });
    const blankName = signOffTransition(problem, null, ent, {
      ...apply,
      evidence: [{ name: ' ' }],
    } as SignOffCommand);
    expect(blankName.ok || blankName.errors.map((e) => e.path)).toEqual(['/evidence/0/name']);
    const v = signOffTransition(
      { ...problem, status: 'applied' },
      { status: 'applied', round: 1 },
      district,
      {
        action: 'district_verify',
        decision: 'approve',
        opinion: '',
        verifierName: '',
      },
    );
    expect(v.ok || v.errors.map((e) => e.path)).toEqual(['/opinion', '/verifierName']);
  });

  it('refuses steps out of order', () => {
    expect(
      signOffTransition({ ...problem, status: 'applied' }, { status: 'applied', round: 1 }, ent, apply),
    ).toMatchObject({
      code: 'WRONG_STATE',
    });
    expect(
      signOffTransition({ ...problem, status: 'closed' }, { status: 'closed', round: 1 }, ent, apply),
    ).toMatchObject({
      code: 'WRONG_STATE',
    });
    expect(signOffTransition(problem, null, district, verify('district_verify', 'approve'))).toMatchObject({
      code: 'WRONG_STATE',
    });
    expect(
      signOffTransition(
        { ...problem, status: 'applied' },
        { status: 'applied', round: 1 },
        city,
        verify('city_verify', 'approve'),
      ),
    ).toMatchObject({ code: 'WRONG_STATE' });
  });

  it('names the queues and the monthly follow-up due date (end of the Shanghai month)', () => {
    expect(signOffQueueStatus('district')).toBe('applied');
    expect(signOffQueueStatus('city')).toBe('district_verified');
    expect(signOffQueueStatus('enterprise')).toBeNull();
    expect(followUpDue(new Date('2026-11-23T02:00:00Z')).date).toBe('2026-11-30');
    // 1 Dec 00:30 in Shanghai is still 30 Nov in UTC: Shanghai's month counts.
    expect(followUpDue(new Date('2026-11-30T16:30:00Z')).date).toBe('2026-12-31');
    expect(followUpDue(new Date('2027-02-10T00:00:00Z')).at.toISOString()).toBe('2027-02-28T15:59:59.999Z');
  });

  it('labels the types, handlings and ledger columns as the seed does', () => {
    expect(PROBLEM_TYPES.map((t) => t.zh)).toEqual([
      '偷排偷放',
      '设施未满足污染物处理要求',
      '污染物排放超标',
      '手续不全',
      '未安装自动监控',
      '自行监测不规范',
      '未按要求公开环境信息',
      '其他',
    ]);
    expect(PROBLEM_HANDLINGS.map((h) => h.zh)).toEqual(['限期整改', '挂牌督办', '淘汰关闭']);
    expect(SCREENING_LEDGER_COLUMNS).toHaveLength(15);
    expect(RECTIFICATION_LEDGER_COLUMNS).toHaveLength(14);
  });
});
