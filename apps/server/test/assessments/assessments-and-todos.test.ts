import JSZip from 'jszip';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedAssessmentHistory } from '../../src/demo/seed-assessments';
import { REVIEW_2026 } from '../../src/demo/seed-campaigns';
import { DUE_SOON_KIND, OVERDUE_KIND, sendDueReminders, startReminderLoop } from '../../src/todos/reminders';
import { buildTestApp, type TestApp } from '../support/test-app';
import { DB_KIND } from '../support/test-database';

const HOUR = 3_600_000;

interface Todo {
  key: string;
  kind: string;
  title: string;
  link: string;
  dueAt: string;
  dueDate: string;
  state: 'open' | 'due-soon' | 'overdue';
  overdueWorkingDays?: number;
  provisional: boolean;
}

describe(`assessment reports and to-dos (${DB_KIND})`, () => {
  let t: TestApp;
  let ent: { id: number; region_code: string; programme_industry: string | null; name: string };
  let districtLogin: string;
  let otherDistrictLogin: string;
  let otherDistrictCode: string;
  let campaignId: number;
  let monitorId: number;
  let outletId: number;
  const problemIds: number[] = [];
  let appliedSignOffId: number;
  let dispatchedAlarmId: number;
  let definitionId: number;

  const db = () => t.database.db;
  const todos = async (user: string) => {
    const res = await (await t.as(user))('GET', '/todos');
    expect(res.statusCode, res.body).toBe(200);
    return res.json().items as Todo[];
  };

  beforeAll(async () => {
    t = await buildTestApp();
    const d = db();
    ent = await d
      .selectFrom('app_user')
      .innerJoin('enterprise', 'enterprise.id', 'app_user.enterprise_id')
      .select(['enterprise.id', 'enterprise.region_code', 'enterprise.programme_industry', 'enterprise.name'])
      .where('app_user.username', '=', 'ent-1')
      .executeTakeFirstOrThrow();
    const districtUser = async (op: '=' | '!=') =>
      d
        .selectFrom('app_user')
        .select(['username', 'region_code'])
        .where('role', '=', 'district')
        .where('region_code', op, ent.region_code)
        .orderBy('id')
        .executeTakeFirstOrThrow();
    districtLogin = (await districtUser('=')).username;
    const other = await districtUser('!=');
    otherDistrictLogin = other.username;
    otherDistrictCode = other.region_code;
    campaignId = (
      await d.selectFrom('campaign').select('id').where('name', '=', REVIEW_2026).executeTakeFirstOrThrow()
    ).id;
    const m = await d
      .selectFrom('monitor')
      .innerJoin('outlet', 'outlet.id', 'monitor.outlet_id')
      .select(['monitor.id', 'outlet.id as outlet_id'])
      .where('outlet.enterprise_id', '=', ent.id)
      .orderBy('monitor.id')
      .executeTakeFirstOrThrow();
    monitorId = m.id;
    outletId = m.outlet_id;

    const now = t.clock.now();
    // Three problems of ent-1 in the review campaign: one due in 2 days, one closed, one due at the year's end.
    for (const [type, handling, status, deadline] of [
      ['exceedance', 'deadline_rectification', 'open', '2026-11-25'],
      ['facility_inadequate', 'listed_supervision', 'closed', '2026-11-10'],
      ['other', 'deadline_rectification', 'open', '2026-12-31'],
    ] as const) {
      const row = await d
        .insertInto('problem')
        .values({
          campaign_id: campaignId,
          enterprise_id: ent.id,
          district_code: ent.region_code,
          source: 'screening',
          problem_type: type,
          description: `测试问题 ${type}`,
          found_on: '2026-10-12',
          handling,
          measures: '更换滤袋',
          deadline_on: deadline,
          status,
          closed_at: status === 'closed' ? now : null,
          created_at: new Date('2026-10-12T02:00:00Z'),
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      problemIds.push(row.id);
    }
    const signOff = (problem: number, status: 'applied' | 'closed', round: number) =>
      d
        .insertInto('sign_off')
        .values({
          problem_id: problem,
          round,
          status,
          measures_taken: '已更换',
          completion: '已完成',
          evidence: JSON.stringify([]),
          applicant_name: '企业',
          applied_at: new Date('2026-11-20T02:00:00Z'),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
    await signOff(problemIds[1]!, 'closed', 1);
    appliedSignOffId = (await signOff(problemIds[0]!, 'applied', 1)).id;

    // Transmission counts of two days in the period.
    await d
      .insertInto('monitor_day_rate')
      .values([
        {
          monitor_id: monitorId,
          day: '2026-11-01',
          expected: 24,
          received: 20,
          valid: 18,
          online_hours: 20,
          computed_at: now,
        },
        {
          monitor_id: monitorId,
          day: '2026-11-02',
          expected: 24,
          received: 24,
          valid: 24,
          online_hours: 24,
          computed_at: now,
        },
      ])
      .onConflict((oc) => oc.columns(['monitor_id', 'day']).doNothing())
      .execute();

    // A confirmed exceedance sheet in the period, and a sheet dispatched now with its 24 hours.
    const alarm = async (startedAt: Date, pollutant: string) =>
      (
        await d
          .insertInto('alarm')
          .values({
            kind: 'exceedance',
            rule: 'exceedance',
            monitor_id: monitorId,
            outlet_id: outletId,
            enterprise_id: ent.id,
            district_code: ent.region_code,
            pollutant,
            averaging: 'hour',
            started_at: startedAt,
            ended_at: new Date(startedAt.getTime() + HOUR),
            evidence: JSON.stringify({}),
            verdict: '超标',
            detected_at: startedAt,
            updated_at: startedAt,
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    const a1 = await alarm(new Date('2026-11-05T02:00:00Z'), 'a34013');
    await d
      .insertInto('alarm_sheet')
      .values({
        number: 'T-001',
        alarm_id: a1,
        enterprise_id: ent.id,
        district_code: ent.region_code,
        state: 'closed',
        conclusion: 'confirmed_exceedance',
        dispatched_at: new Date('2026-11-05T03:00:00Z'),
        deadline_at: new Date('2026-11-06T03:00:00Z'),
      })
      .execute();
    dispatchedAlarmId = await alarm(new Date(now.getTime() - 2 * HOUR), 'a21026');
    await d
      .insertInto('alarm_sheet')
      .values({
        number: 'T-002',
        alarm_id: dispatchedAlarmId,
        enterprise_id: ent.id,
        district_code: ent.region_code,
        state: 'dispatched',
        dispatched_at: now,
        deadline_at: new Date(now.getTime() + 24 * HOUR),
      })
      .execute();

    await d
      .insertInto('rectification_notice')
      .values({
        number: 'T-通知-001',
        enterprise_id: ent.id,
        district_code: ent.region_code,
        problem_ids: JSON.stringify([problemIds[0]]),
        period_months: 3,
        issued_on: '2026-11-10',
        due_on: '2027-02-10',
        requirements: '限期整改',
        issuer_name: '区县局',
        created_at: now,
      })
      .execute();

    // An expert review due tomorrow; a monthly report due on the 5th (每月5日前) in the review campaign.
    const expert = await d
      .selectFrom('app_user')
      .select('id')
      .where('username', '=', 'expert')
      .executeTakeFirstOrThrow();
    await d
      .insertInto('review_assignment')
      .values({
        campaign_id: campaignId,
        enterprise_id: ent.id,
        reviewer_id: expert.id,
        kind: 'expert',
        due_on: '2026-11-24',
        assigned_at: now,
      })
      .execute();
    definitionId = (
      await d
        .insertInto('report_definition')
        .values({
          key: 'todo-test-monthly',
          name: '测试月报',
          template: 'ledger',
          cadence: 'monthly',
          due_rule: JSON.stringify({ kind: 'dayOfMonth', day: 5, offsetMonths: 1, rollToWorkingDay: true }),
          campaign_id: campaignId,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  });
  afterAll(() => t.close());

  // ---------------------------------------------------------------- assessments

  const body = (extra: object = {}) => ({
    kind: 'assessment',
    scope: 'region',
    regionCode: ent.region_code,
    campaignId,
    periodFrom: '2026-09-01',
    periodTo: '2026-11-30',
    ...extra,
  });

  it('is documented in OpenAPI', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
    for (const p of [
      '/api/v1/assessments',
      '/api/v1/assessments/{id}/finalize',
      '/api/v1/assessments/{id}/export.docx',
      '/api/v1/todos',
      '/api/v1/todos/summary',
    ])
      expect(doc.paths[p], p).toBeDefined();
  });

  it('a district assessment counts the data in its scope and drafts the five parts', async () => {
    const res = await (await t.as(districtLogin))('POST', '/assessments', body());
    expect(res.statusCode, res.body).toBe(201);
    const a = res.json();
    const f = a.figures;
    const d = db();
    const enterprises = await d
      .selectFrom('enterprise')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('region_code', '=', ent.region_code)
      .where('active', '=', true)
      .executeTakeFirstOrThrow();
    expect(f.enterprises.total).toBe(Number(enterprises.n));
    expect(f.enterprises.byBatch.reduce((s: number, b: { count: number }) => s + b.count, 0)).toBe(
      Number(enterprises.n),
    );
    expect(f.problems.total).toBe(3);
    expect(f.problems.closed).toBe(1);
    expect(f.problems.closureRate).toBeCloseTo(1 / 3);
    expect(f.problems.overdue).toBe(0);
    expect(f.problems.byType.find((x: { key: string }) => x.key === 'exceedance').count).toBe(1);
    expect(f.problems.byHandling.find((x: { key: string }) => x.key === 'deadline_rectification').count).toBe(
      2,
    );
    expect(f.signOffs).toEqual({ applied: 1, districtVerified: 0, closed: 1, refused: 0 });
    const monitors = await d
      .selectFrom('monitor')
      .innerJoin('outlet', 'outlet.id', 'monitor.outlet_id')
      .innerJoin('enterprise', 'enterprise.id', 'outlet.enterprise_id')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('enterprise.region_code', '=', ent.region_code)
      .where('enterprise.active', '=', true)
      .where('monitor.active', '=', true)
      .executeTakeFirstOrThrow();
    expect(f.monitoring.monitors).toBe(Number(monitors.n));
    const rates = await d
      .selectFrom('monitor_day_rate')
      .innerJoin('monitor', 'monitor.id', 'monitor_day_rate.monitor_id')
      .innerJoin('outlet', 'outlet.id', 'monitor.outlet_id')
      .innerJoin('enterprise', 'enterprise.id', 'outlet.enterprise_id')
      .select([
        sql<number>`coalesce(sum(expected), 0)`.as('e'),
        sql<number>`count(distinct monitor_day_rate.monitor_id)`.as('m'),
      ])
      .where('enterprise.region_code', '=', ent.region_code)
      .where('day', '>=', '2026-09-01')
      .where('day', '<=', '2026-11-30')
      .executeTakeFirstOrThrow();
    expect(f.monitoring.expected).toBe(Number(rates.e));
    expect(f.monitoring.expected).toBeGreaterThanOrEqual(48);
    expect(f.monitoring.networkedMonitors).toBeGreaterThanOrEqual(1);
    expect(f.alarms.exceedanceAlarms).toBe(2);
    expect(f.alarms.confirmedSheets).toBe(1);
    expect(f.notices.issued).toBe(1);
    expect(f.exceeding.map((e: { id: number }) => e.id)).toEqual([ent.id]);
    expect(a.sections.map((s: { heading: string }) => s.heading)).toEqual([
      '一、工业污染源总体情况',
      '二、存在的问题和不足',
      '三、评估结论',
      '四、对策建议',
      '五、下一步工作计划',
      '附：超标企业详细情况',
    ]);
    expect(a.sections[1].text).toContain('排查共发现问题3个');
    expect(a.sections[5].text).toContain(ent.name);
    expect(a.status).toBe('draft');
    const audit = await d
      .selectFrom('audit_log')
      .select('action')
      .where('entity', '=', 'assessment_report')
      .where('entity_id', '=', String(a.id))
      .execute();
    expect(audit.map((x) => x.action)).toEqual(['create']);
  });

  it('an industry assessment (city) counts that industry only; the export shows the headings', async () => {
    const industry = ent.programme_industry!;
    expect(industry).toBeTruthy();
    const city = await t.as('city');
    const res = await city(
      'POST',
      '/assessments',
      body({ scope: 'industry', industry, regionCode: '430900' }),
    );
    expect(res.statusCode, res.body).toBe(201);
    const a = res.json();
    const n = await db()
      .selectFrom('enterprise')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('programme_industry', '=', industry)
      .where('active', '=', true)
      .where('region_code', 'like', '4309%')
      .executeTakeFirstOrThrow();
    expect(a.figures.enterprises.total).toBe(Number(n.n));
    expect(a.figures.enterprises.byIndustry.map((x: { key: string }) => x.key)).toEqual([industry]);
    expect(a.industry).toBe(industry);

    const doc = await city('GET', `/assessments/${a.id}/export.docx`);
    expect(doc.statusCode).toBe(200);
    expect(doc.headers['content-type']).toContain('wordprocessingml');
    const zip = await JSZip.loadAsync(doc.rawPayload);
    const xml = await zip.file('word/document.xml')!.async('string');
    const text = xml.replace(/<[^>]+>/g, '');
    for (const h of ['工业污染源总体情况', '存在的问题和不足', '评估结论', '对策建议', '下一步工作计划'])
      expect(text).toContain(h);
    expect(text).toContain(a.title);
    const cells = [...xml.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, ''));
    expect(cells).toContain('联网率');
  });

  it('a yearly summary has the four parts', async () => {
    const res = await (await t.as(districtLogin))(
      'POST',
      '/assessments',
      body({ kind: 'yearly_summary', periodFrom: '2026-01-01', periodTo: '2026-12-31' }),
    );
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().sections.map((s: { heading: string }) => s.heading)).toEqual([
      '一、工作开展情况',
      '二、主要工作成果',
      '三、工作中遇到的问题和存在的不足',
      '四、原因分析和改进措施',
    ]);
    expect(res.json().title).toContain('2026年度达标计划工作总结');
  });

  it('refuses bad input (422 with paths), another district (403) and the wrong roles', async () => {
    const district = await t.as(districtLogin);
    const noIndustry = await district('POST', '/assessments', body({ scope: 'industry' }));
    expect(noIndustry.statusCode).toBe(422);
    expect(noIndustry.json().errors.map((e: { path: string }) => e.path)).toContain('/industry');
    const reversed = await district(
      'POST',
      '/assessments',
      body({ periodFrom: '2026-12-01', periodTo: '2026-11-01' }),
    );
    expect(reversed.statusCode).toBe(422);
    expect(reversed.json().errors).toEqual([
      expect.objectContaining({ path: '/periodTo', code: 'PERIOD_REVERSED' }),
    ]);
    const unknownIndustry = await district(
      'POST',
      '/assessments',
      body({ scope: 'industry', industry: 'nope' }),
    );
    expect(unknownIndustry.statusCode).toBe(422);
    expect((await district('POST', '/assessments', body({ regionCode: otherDistrictCode }))).statusCode).toBe(
      403,
    );
    expect((await district('POST', '/assessments', body({ regionCode: '430900' }))).statusCode).toBe(403);
    expect((await (await t.as('ent-1'))('POST', '/assessments', body())).statusCode).toBe(403);
    expect((await (await t.as('expert'))('POST', '/assessments', body())).statusCode).toBe(403);
    expect((await (await t.as('ent-1'))('GET', '/assessments')).statusCode).toBe(403);
    const count = await db()
      .selectFrom('assessment_report')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(3);
  });

  it('lists by scope; the expert reads; another district cannot open it', async () => {
    const mine = (await (await t.as(districtLogin))('GET', '/assessments')).json();
    expect(mine.items.every((i: { regionCode: string }) => i.regionCode === ent.region_code)).toBe(true);
    expect(mine.total).toBe(2);
    expect((await (await t.as('city'))('GET', '/assessments')).json().total).toBe(3);
    const other = await t.as(otherDistrictLogin);
    expect((await other('GET', '/assessments')).json().total).toBe(0);
    const id = mine.items[0].id;
    expect((await other('GET', `/assessments/${id}`)).statusCode).toBe(403);
    expect((await other('GET', `/assessments/${id}/export.docx`)).statusCode).toBe(403);
    const expert = await t.as('expert');
    expect((await expert('GET', `/assessments/${id}`)).statusCode).toBe(200);
    expect((await expert('PATCH', `/assessments/${id}`, { sections: [], version: 1 })).statusCode).toBe(403);
  });

  it('edits the draft with versions, finalizes, then refuses edits (409)', async () => {
    const district = await t.as(districtLogin);
    const list = (await district('GET', '/assessments?kind=assessment')).json();
    const id = list.items[0].id;
    const before = (await district('GET', `/assessments/${id}`)).json();
    const edited = await district('PATCH', `/assessments/${id}`, {
      sections: [{ key: 'conclusion', text: '经评估，基本达标。' }],
      version: before.version,
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json().sections.find((s: { key: string }) => s.key === 'conclusion').text).toBe(
      '经评估，基本达标。',
    );
    expect(edited.json().sections[0].text).toBe(before.sections[0].text);
    expect(edited.json().version).toBe(before.version + 1);
    // Stale version, unknown section.
    expect(
      (await district('PATCH', `/assessments/${id}`, { sections: [], version: before.version })).statusCode,
    ).toBe(409);
    const unknown = await district('PATCH', `/assessments/${id}`, {
      sections: [{ key: 'nope', text: 'x' }],
      version: before.version + 1,
    });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().errors[0].path).toBe('/sections/0/key');

    const fin = await district('POST', `/assessments/${id}/finalize`, { version: before.version + 1 });
    expect(fin.statusCode, fin.body).toBe(200);
    expect(fin.json().status).toBe('final');
    const late = await district('PATCH', `/assessments/${id}`, {
      sections: [{ key: 'conclusion', text: '改' }],
      version: fin.json().version,
    });
    expect(late.statusCode).toBe(409);
    expect(
      (await district('POST', `/assessments/${id}/finalize`, { version: fin.json().version })).statusCode,
    ).toBe(409);
    const audit = await db()
      .selectFrom('audit_log')
      .select('action')
      .where('entity', '=', 'assessment_report')
      .where('entity_id', '=', String(id))
      .orderBy('id')
      .execute();
    expect(audit.map((x) => x.action)).toEqual(['create', 'update', 'finalize']);
  });

  // ---------------------------------------------------------------- to-dos

  it('enterprise: its alarm sheet, its problem deadline (due soon), the self-check form until submitted', async () => {
    const items = await todos('ent-1');
    const kinds = items.map((i) => i.kind);
    expect(kinds).toContain('alarm_sheet');
    expect(kinds).toContain('self_check_submit');
    const p1 = items.find((i) => i.key === `problem:${problemIds[0]}`)!;
    expect(p1.state).toBe('due-soon');
    expect(p1.dueDate).toBe('2026-11-25');
    expect(p1.link).toBe(`/problems/${problemIds[0]}`);
    expect(items.find((i) => i.key === `problem:${problemIds[1]}`)).toBeUndefined(); // closed
    expect(items.find((i) => i.kind === 'sign_off_verify' || i.kind === 'report_due')).toBeUndefined();
    // Sorted by due.
    expect(items.map((i) => i.dueAt)).toEqual([...items.map((i) => i.dueAt)].sort());
    const sheet = items.find((i) => i.kind === 'alarm_sheet')!;
    expect(sheet.title).toContain('说明情况');
    expect(sheet.state).toBe('open');
    // ent-2 (another enterprise) does not see ent-1's sheet or problems.
    const other = await todos('ent-2');
    expect(other.find((i) => i.key === sheet.key || i.key.startsWith('problem:'))).toBeUndefined();

    // Submitting the form removes its to-do; the district then has it to review.
    await db()
      .insertInto('self_check')
      .values({
        campaign_id: campaignId,
        enterprise_id: ent.id,
        version_no: 1,
        status: 'submitted',
        content: JSON.stringify({}),
        prefill: JSON.stringify({}),
        submitted_at: t.clock.now(),
        created_at: t.clock.now(),
        updated_at: t.clock.now(),
      })
      .execute();
    expect((await todos('ent-1')).find((i) => i.kind === 'self_check_submit')).toBeUndefined();
  });

  it('district: sheet to sign, form to review, sign-off to verify, problems, monthly check, late report, phase', async () => {
    const items = await todos(districtLogin);
    const byKind = (k: string) => items.filter((i) => i.kind === k);
    expect(byKind('alarm_sheet')[0]?.title).toContain('签收');
    expect(byKind('self_check_review')).toHaveLength(1);
    expect(byKind('sign_off_verify').map((i) => i.key)).toEqual([`sign_off:${appliedSignOffId}:applied`]);
    expect(byKind('problem_deadline')).toHaveLength(2);
    const followUp = byKind('problem_follow_up');
    expect(followUp).toHaveLength(1);
    expect(followUp[0]!.dueDate).toBe('2026-11-30'); // dayOfMonth 31: the month's last day
    expect(followUp[0]!.state).toBe('open'); // 7½ days left, reminded 5 days ahead
    // Report for October due Thu 5 Nov: 12 working days late on Mon 23 Nov; November's due Sat 5 Dec → Mon 7 Dec.
    const reports = byKind('report_due').filter((i) => i.link.includes('todo-test-monthly'));
    expect(reports.map((r) => [r.link, r.state, r.dueDate, r.overdueWorkingDays])).toEqual([
      ['/reports?definition=todo-test-monthly&period=2026-10', 'overdue', '2026-11-05', 12],
      ['/reports?definition=todo-test-monthly&period=2026-11', 'open', '2026-12-07', undefined],
    ]);
    const phase = byKind('campaign_phase');
    expect(phase.map((p) => p.dueDate)).toContain('2026-12-15');
    // The other district sees none of these.
    const other = await todos(otherDistrictLogin);
    expect(
      other.filter((i) =>
        ['alarm_sheet', 'self_check_review', 'sign_off_verify', 'problem_deadline'].includes(i.kind),
      ),
    ).toEqual([]);
    expect(other.find((i) => i.kind === 'campaign_phase')).toBeDefined();

    // A submission for October removes it.
    await db()
      .insertInto('report_submission')
      .values({
        definition_id: definitionId,
        region_code: ent.region_code,
        period_key: '2026-10',
        due_at: new Date('2026-11-05T15:59:59.999Z'),
        submitted_at: t.clock.now(),
        late: true,
        content: JSON.stringify({}),
      })
      .execute();
    const after = (await todos(districtLogin)).filter(
      (i) => i.kind === 'report_due' && i.link.includes('todo-test-monthly'),
    );
    expect(after.map((r) => r.link)).toEqual(['/reports?definition=todo-test-monthly&period=2026-11']);

    const summary = (await (await t.as(districtLogin))('GET', '/todos/summary')).json();
    const now = await todos(districtLogin);
    expect(summary).toEqual({
      total: now.length,
      open: now.filter((i) => i.state === 'open').length,
      'due-soon': now.filter((i) => i.state === 'due-soon').length,
      overdue: now.filter((i) => i.state === 'overdue').length,
    });
  });

  it('city, expert, operator and department see only their own obligations', async () => {
    const city = await todos('city');
    expect(city.map((i) => i.kind)).toContain('campaign_phase');
    expect(city.find((i) => i.kind === 'alarm_sheet' || i.kind === 'sign_off_verify')).toBeUndefined();
    await db()
      .updateTable('sign_off')
      .set({ status: 'district_verified', district_verified_at: t.clock.now() })
      .where('id', '=', appliedSignOffId)
      .execute();
    expect((await todos('city')).filter((i) => i.kind === 'sign_off_verify').map((i) => i.key)).toEqual([
      `sign_off:${appliedSignOffId}:district_verified`,
    ]);
    expect((await todos(districtLogin)).find((i) => i.kind === 'sign_off_verify')).toBeUndefined();

    const expert = await todos('expert');
    expect(expert.map((i) => [i.kind, i.dueDate, i.state])).toEqual([
      ['review_assignment', '2026-11-24', 'due-soon'],
    ]);
    expect(await todos('operator')).toEqual([]);
    expect(await todos('dept')).toEqual([]);
  });

  it('the clock moves: the sheet turns due soon 4 hours before, then overdue', async () => {
    // The sheet's deadline is brought to 5 hours from now (sessions do not outlive a day of clock).
    await db()
      .updateTable('alarm_sheet')
      .set({ deadline_at: new Date(t.clock.now().getTime() + 5 * HOUR) })
      .where('alarm_id', '=', dispatchedAlarmId)
      .execute();
    const key = (await todos(districtLogin)).find((i) => i.kind === 'alarm_sheet')!.key;
    const state = async () => (await todos(districtLogin)).find((i) => i.key === key)!;
    expect((await state()).state).toBe('open');
    t.clock.advance(2 * HOUR);
    expect((await state()).state).toBe('due-soon');
    t.clock.advance(4 * HOUR); // an hour past the deadline
    const s = await state();
    expect(s.state).toBe('overdue');
    expect(s.overdueWorkingDays).toBe(0); // same Shanghai day as the deadline
    expect(
      (await (await t.as('ent-1'))('GET', '/todos')).json().items.find((i: Todo) => i.key === key).state,
    ).toBe('overdue');
    t.clock.advance(-6 * HOUR);
  });

  it('reminders: one notification per user, item and state, never twice', async () => {
    const d = db();
    const user = await d
      .selectFrom('app_user')
      .select('id')
      .where('username', '=', districtLogin)
      .executeTakeFirstOrThrow();
    const mine = () =>
      d
        .selectFrom('notification')
        .select(['kind', 'link', 'title'])
        .where('user_id', '=', user.id)
        .where('kind', 'in', [DUE_SOON_KIND, OVERDUE_KIND])
        .orderBy('id')
        .execute();
    const first = await sendDueReminders(d, t.clock.now());
    expect(first).toBeGreaterThan(0);
    expect(await sendDueReminders(d, t.clock.now())).toBe(0);
    const n1 = await mine();
    expect(n1.find((n) => n.link === `/alarms/${dispatchedAlarmId}`)).toBeUndefined(); // still open
    const problem = n1.find((n) => n.link === `/problems/${problemIds[0]}`)!;
    expect(problem.kind).toBe(DUE_SOON_KIND);
    expect(problem.title).toContain('即将到期');

    // 25 hours later the sheet is overdue and the problem still due soon: only the new state is sent.
    t.clock.advance(25 * HOUR);
    const sent = await sendDueReminders(d, t.clock.now());
    expect(sent).toBeGreaterThan(0);
    const n2 = await mine();
    expect(n2.filter((n) => n.link === `/alarms/${dispatchedAlarmId}`).map((n) => n.kind)).toEqual([
      OVERDUE_KIND,
    ]);
    expect(n2.filter((n) => n.link === `/problems/${problemIds[0]}`)).toHaveLength(1);
    expect(await sendDueReminders(d, t.clock.now())).toBe(0);
    // The enterprise heard of its own sheet too; the other district did not.
    const entUser = await d
      .selectFrom('app_user')
      .select('id')
      .where('username', '=', 'ent-1')
      .executeTakeFirstOrThrow();
    const otherUser = await d
      .selectFrom('app_user')
      .select('id')
      .where('username', '=', otherDistrictLogin)
      .executeTakeFirstOrThrow();
    const sheetNotes = await d
      .selectFrom('notification')
      .select('user_id')
      .where('link', '=', `/alarms/${dispatchedAlarmId}`)
      .where('kind', '=', OVERDUE_KIND)
      .execute();
    expect(sheetNotes.map((n) => n.user_id)).toContain(entUser.id);
    expect(sheetNotes.map((n) => n.user_id)).not.toContain(otherUser.id);
    t.clock.advance(-25 * HOUR);
  });

  it('the reminder loop runs at once, reports errors and stops', async () => {
    let runs = 0;
    const errors: unknown[] = [];
    const stop = startReminderLoop(t.database.db, {
      intervalMs: 60_000,
      now: () => {
        runs++;
        return t.clock.now();
      },
      onError: (e) => errors.push(e),
    });
    await stop();
    expect(runs).toBe(1);
    expect(errors).toEqual([]);
    const failing = startReminderLoop(t.database.db, {
      intervalMs: 60_000,
      now: () => new Date(Number.NaN),
      onError: (e) => errors.push(e),
    });
    await failing();
    expect(errors).toHaveLength(1);
  });

  it('demo history: a final district assessment, a draft industry assessment, a yearly summary; once', async () => {
    const d = db();
    await d.deleteFrom('assessment_report').execute();
    await seedAssessmentHistory(d, t.clock.now());
    await seedAssessmentHistory(d, t.clock.now());
    const rows = await d
      .selectFrom('assessment_report')
      .select(['kind', 'scope', 'status', 'region_code', 'sections'])
      .orderBy('id')
      .execute();
    expect(rows.map((r) => [r.kind, r.scope, r.status])).toEqual([
      ['assessment', 'region', 'final'],
      ['assessment', 'industry', 'draft'],
      ['yearly_summary', 'region', 'draft'],
    ]);
    expect((rows[0]!.sections as { list: unknown[] }).list).toHaveLength(6);
    const list = (await (await t.as('heshan'))('GET', '/assessments')).json();
    expect(list.items.map((i: { status: string }) => i.status).sort()).toEqual(['draft', 'final']);
  });
});
