import { SELF_CHECK_SECTIONS, type SelfCheckField } from '@dabiao/domain';
import type { Db } from '../platform/db/database';
import { buildSelfCheckPrefill } from '../self-checks/self-check.prefill';
import { REVIEW_2026 } from './seed-campaigns';

const DAY = 86_400_000;

/** Plausible answers an enterprise gives, by field key (anything else: 已核实，无异常). */
const ANSWERS: Record<string, string> = {
  legalRepresentative: '周建国',
  productsAndScale: '主要产品及年产能见排污许可证',
  startedOn: '2012-06-30',
  address: '益阳市工业园区',
  envContact: '刘环保',
  envContactPhone: '0737-4200000',
  industry: '见排污许可证',
  permitNumber: '无（登记管理）',
  permittedPollutants: '无',
  permitValidTo: '2029-12-31',
  text: '近一年无环境违法行为，无环保投诉；监督性监测4次，均未超标。',
  content: '委托有资质的第三方每季度监测废水总排口、废气排气筒及厂界，记录完整。',
  monitors: '',
  description: '原料—生产—成品包装，主要生产设施见排污许可证副本。',
  wasteName: '生产废水',
  gasName: '工艺废气',
  source: '生产车间',
  facilityName: '污染治理设施',
  processCapacity: '物化+生化处理',
  maintenance: '每月维护一次，有维护记录',
  runningRate: '98%',
  destination: '经园区污水处理厂处理后排入资江',
  outlet: 'DW001 废水总排口',
  stack: 'DA001 排气筒',
  stackParams: '高度 25 m',
  pollutant: '化学需氧量',
  limit: '见排放标准',
  concentrationRange: '低于限值',
  totalDischarge: '按实际计量',
  supervisoryExceedRate: '0',
  totals: '见排污许可证执行报告',
  nameAndSource: '原料堆场扬尘',
  measures: '封闭、洒水',
  exceedRate: '0',
  problems: '未发现超标排放问题。',
  rectificationPlan: '继续加强设施运行维护（长期）。',
  conclusion: '自查自测结果达标。',
};

function answer(obj: Record<string, unknown>, f: SelfCheckField): void {
  const cur = obj[f.key];
  if (f.kind === 'yesNo') {
    if (cur !== true && cur !== false) obj[f.key] = true;
    if (f.explain && obj[f.key] === (f.explain.when === 'yes') && !obj[f.explain.key]) {
      obj[f.explain.key] = ANSWERS[f.explain.key] ?? '已说明';
    }
    return;
  }
  if (cur === undefined || cur === null || cur === '') {
    if (f.kind === 'number') obj[f.key] = f.key === 'lng' ? 112.35 : 28.55;
    else if (f.required) obj[f.key] = ANSWERS[f.key] ?? '已核实，无异常';
  }
}

/** The prefilled content completed the way an enterprise would (every required field answered). */
function completed(content: Record<string, unknown>): Record<string, unknown> {
  const c = structuredClone(content) as Record<string, Record<string, unknown>>;
  for (const s of SELF_CHECK_SECTIONS) {
    for (const b of s.blocks) {
      const [head, tail] = b.path.split('/').filter(Boolean) as [string, string | undefined];
      c[head] ??= {};
      const obj = c[head]!;
      if (b.kind === 'table') {
        const rows = (Array.isArray(obj[tail!]) ? obj[tail!] : []) as Record<string, unknown>[];
        if (!rows.length && b.minRowsWhen !== 'never') rows.push({});
        for (const row of rows) for (const col of b.columns) answer(row, col);
        obj[tail!] = rows;
      } else {
        for (const f of b.fields) answer(obj, f);
      }
    }
  }
  return c;
}

const REVIEW = {
  onsiteProblems: '现场检查未发现暗管偷排，排口标识齐全。',
  onsiteMonitoring: '现场采样监测结果达标。',
  recentProblems: '近1年无行政处罚，无群众投诉。',
  opinion: '自查情况属实，同意。',
};

type Plan = 'draft' | 'submitted' | 'approved' | 'returned' | 'returned+resubmitted';

/**
 * Demo: self-check forms (004 附件2) of the REVIEW_2026 campaign in every state — a draft, forms awaiting
 * review, an approved one, a returned one, and one returned and resubmitted as version 2. ent-1's
 * enterprise is left without a form so the demo user can start one. Skips when forms exist already.
 */
export async function seedSelfCheckHistory(db: Db, now: Date): Promise<void> {
  const campaign = await db
    .selectFrom('campaign')
    .select('id')
    .where('name', '=', REVIEW_2026)
    .executeTakeFirst();
  if (!campaign) return;
  const existing = await db
    .selectFrom('self_check')
    .select('id')
    .where('campaign_id', '=', campaign.id)
    .limit(1)
    .executeTakeFirst();
  if (existing) return;
  const logins = await db
    .selectFrom('app_user')
    .select(['id', 'username', 'enterprise_id', 'display_name'])
    .where('role', '=', 'enterprise')
    .where('username', 'like', 'ent-%')
    .orderBy('username')
    .execute();
  const ent1 = logins.find((u) => u.username === 'ent-1');
  if (!ent1?.enterprise_id) return;
  const home = await db
    .selectFrom('enterprise')
    .select('region_code')
    .where('id', '=', ent1.enterprise_id)
    .executeTakeFirstOrThrow();
  // ent-2 … ent-5, then two more enterprises of ent-1's district (for its district bureau to review).
  const withLogin = logins.filter((u) => u.username !== 'ent-1' && u.enterprise_id !== null);
  const taken = new Set([ent1.enterprise_id, ...withLogin.map((u) => u.enterprise_id!)]);
  const neighbours = await db
    .selectFrom('enterprise')
    .select('id')
    .where('region_code', '=', home.region_code)
    .where('status', '=', 'operating')
    .where('id', 'not in', [...taken])
    .orderBy('id')
    .limit(2)
    .execute();
  const plans: Plan[] = ['submitted', 'approved', 'returned+resubmitted', 'draft', 'submitted', 'returned'];
  const targets = [
    ...withLogin.map((u) => ({ enterpriseId: u.enterprise_id!, user: u })),
    ...neighbours.map((n) => ({ enterpriseId: n.id, user: undefined })),
  ].slice(0, plans.length);

  for (const [i, target] of targets.entries()) {
    const plan = plans[i]!;
    const e = await db
      .selectFrom('enterprise')
      .select(['region_code', 'env_contact'])
      .where('id', '=', target.enterpriseId)
      .executeTakeFirstOrThrow();
    const reviewer = await db
      .selectFrom('app_user')
      .select(['id', 'display_name'])
      .where('role', '=', 'district')
      .where('region_code', '=', e.region_code)
      .orderBy('id')
      .executeTakeFirst();
    const { content, prefill } = await buildSelfCheckPrefill(db, target.enterpriseId, now);
    const filled = completed(content);
    const signer = e.env_contact ?? target.user?.display_name ?? '企业环保负责人';
    const at = (days: number) => new Date(now.getTime() - days * DAY - i * 3_600_000);
    const base = {
      campaign_id: campaign.id,
      enterprise_id: target.enterpriseId,
      prefill: JSON.stringify(prefill),
    };
    const submitted = (days: number) => ({
      filled_by_name: signer,
      submitted_at: at(days),
      submitted_by: target.user?.id ?? null,
    });
    const reviewed = (days: number, decision: 'approve' | 'return', reason?: string) => ({
      review: JSON.stringify({
        ...REVIEW,
        ...(decision === 'return' ? { opinion: '自查不完整，退回补充。', reason } : {}),
        decision,
      }),
      reviewed_by: reviewer?.id ?? null,
      reviewer_name: reviewer?.display_name ?? '区县局审核人',
      reviewed_at: at(days),
    });
    if (plan === 'draft') {
      await db
        .insertInto('self_check')
        .values({
          ...base,
          version_no: 1,
          status: 'draft',
          content: JSON.stringify(content),
          created_at: at(6),
          updated_at: at(2),
        })
        .execute();
      continue;
    }
    const v1Status = plan === 'returned+resubmitted' ? 'returned' : plan;
    await db
      .insertInto('self_check')
      .values({
        ...base,
        version_no: 1,
        status: v1Status,
        content: JSON.stringify(filled),
        ...submitted(20),
        ...(v1Status === 'approved' ? reviewed(12, 'approve') : {}),
        ...(v1Status === 'returned'
          ? reviewed(14, 'return', '排口设置情况未说明，请补充排口标识整改情况。')
          : {}),
        created_at: at(25),
        updated_at: v1Status === 'submitted' ? at(20) : at(13),
      })
      .execute();
    if (plan === 'returned+resubmitted') {
      const v2 = structuredClone(filled) as Record<string, Record<string, unknown>>;
      v2.conclusion = { ...v2.conclusion, conclusion: '已补设排口标识牌，自查自测结果达标（第2版）。' };
      await db
        .insertInto('self_check')
        .values({
          ...base,
          version_no: 2,
          status: 'submitted',
          content: JSON.stringify(v2),
          ...submitted(7),
          created_at: at(10),
          updated_at: at(7),
        })
        .execute();
    }
  }
}
