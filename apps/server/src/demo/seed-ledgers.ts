import {
  PROBLEM_HANDLINGS,
  PROBLEM_TYPES,
  type ProblemHandlingKey,
  type ProblemTypeKey,
  shanghaiDateText,
} from '@dabiao/domain';
import type { Db } from '../platform/db/database';
import type { SignOffStatus } from '../platform/db/schema-compliance';
import { REVIEW_2026 } from './seed-campaigns';

const DAY = 86_400_000;
/** platform_setting key marking that the demo ledgers were seeded (they run at every demo start). */
const SEEDED = 'demo.ledgers';

/** What each demo problem went through; cycled over the problems so every step of 销号 is on show. */
type Story =
  | 'open'
  | 'applied'
  | 'district_verified'
  | 'closed'
  | 'district_refused'
  | 'city_refused_reapplied';
const STORIES: Story[] = [
  'open',
  'applied',
  'district_verified',
  'closed',
  'district_refused',
  'city_refused_reapplied',
];

const DESCRIPTIONS: Record<ProblemTypeKey, string> = {
  covert_discharge: '厂区雨水排口发现生产废水，存在偷排行为',
  facility_inadequate: '废气治理设施处理能力不足，布袋除尘器破损',
  exceedance: '监督性监测颗粒物浓度超过排放标准限值',
  incomplete_permits: '新增生产线未办理环评手续，排污许可证未变更',
  no_online_monitoring: '重点排污单位未按要求安装自动监控设备',
  monitoring_nonconforming: '自行监测方案未覆盖全部排放口，监测频次不足',
  disclosure_missing: '未按《企业事业单位环境信息公开办法》公开排放信息',
  other: '危险废物贮存场所标识不规范',
};
const MEASURES: Record<ProblemTypeKey, string> = {
  covert_discharge: '封堵暗管，雨污分流改造，安装雨水排口在线监控',
  facility_inadequate: '更换滤袋，新增一级湿法喷淋',
  exceedance: '调整工艺参数，增加脱硫剂投加量',
  incomplete_permits: '补办环评手续，申请变更排污许可证',
  no_online_monitoring: '安装自动监控设备并与生态环境部门联网',
  monitoring_nonconforming: '修订自行监测方案，委托第三方按频次监测',
  disclosure_missing: '在全国排污许可证管理信息平台公开自行监测数据',
  other: '设置危废贮存标识，建立管理台账',
};
const HANDLING_OF: ProblemHandlingKey[] = PROBLEM_HANDLINGS.map((h) => h.key);

/**
 * Demo: the screening ledger filled in for part of the REVIEW_2026 enterprises, ~30 problems across
 * types, handlings and districts, and their sign-offs at every step (applied, district verified, closed,
 * refused and back to open, re-applied). ent-1's enterprise gets two (one open, one applied). Runs once
 * (a platform_setting marker). Deterministic for a given `now`.
 */
export async function seedLedgerHistory(db: Db, now: Date): Promise<void> {
  const campaign = await db
    .selectFrom('campaign')
    .select('id')
    .where('name', '=', REVIEW_2026)
    .executeTakeFirst();
  if (!campaign) return;
  const done = await db
    .selectFrom('platform_setting')
    .select('key')
    .where('key', '=', SEEDED)
    .executeTakeFirst();
  if (done) return;

  const users = await db
    .selectFrom('app_user')
    .select(['id', 'username', 'display_name', 'role', 'region_code', 'enterprise_id'])
    .where('active', '=', true)
    .where('role', 'in', ['enterprise', 'district', 'city'])
    .orderBy('id')
    .execute();
  const ent1 = users.find((u) => u.username === 'ent-1')?.enterprise_id ?? null;
  const cityUser = users.find((u) => u.role === 'city');
  const districtUser = (code: string) => users.find((u) => u.role === 'district' && u.region_code === code);
  const entUser = (id: number) => users.find((u) => u.role === 'enterprise' && u.enterprise_id === id);

  const enterprises = await db
    .selectFrom('enterprise')
    .select(['id', 'region_code'])
    .where('active', '=', true)
    .orderBy('region_code')
    .orderBy('id')
    .execute();
  // Up to four enterprises a district, ent-1's first; about 30 problems in all.
  const byDistrict = new Map<string, number[]>();
  for (const e of enterprises)
    byDistrict.set(e.region_code, [...(byDistrict.get(e.region_code) ?? []), e.id]);
  const picked: { id: number; district: string }[] = [];
  const ent1District = enterprises.find((e) => e.id === ent1)?.region_code;
  if (ent1 !== null && ent1District) picked.push({ id: ent1, district: ent1District });
  for (const [district, ids] of byDistrict) {
    for (const id of ids.filter((x) => x !== ent1).slice(0, 4)) picked.push({ id, district });
  }
  const today = shanghaiDateText(now);
  const day = (daysAgo: number) => shanghaiDateText(new Date(now.getTime() - daysAgo * DAY));
  const at = (daysAgo: number, hour = 10) =>
    new Date(new Date(`${day(daysAgo)}T00:00:00+08:00`).getTime() + hour * 3_600_000);

  await db.transaction().execute(async (trx) => {
    await trx.insertInto('platform_setting').values({ key: SEEDED, value: today }).execute();
    // 附件1: the typed columns for the first enterprises of each district.
    for (const [i, e] of picked.slice(0, 18).entries()) {
      const exceeded = i % 3 === 0;
      await trx
        .insertInto('screening_entry')
        .values({
          campaign_id: campaign.id,
          enterprise_id: e.id,
          monitoring_report_no: `YYJC-2026-${String(300 + i).padStart(4, '0')}`,
          exceeded,
          exceed_reason: exceeded ? '治理设施运行不正常，颗粒物浓度超标' : null,
          online_exceed_reason: i % 4 === 1 ? '启炉阶段，烟温未达脱硝投运条件' : null,
          updated_by: districtUser(e.district)?.id ?? null,
          updated_at: at(20 + (i % 10)),
        })
        .onConflict((oc) => oc.columns(['campaign_id', 'enterprise_id']).doNothing())
        .execute();
    }

    let n = 0;
    const problemsOf = picked.flatMap((e, i) => {
      // ent-1's enterprise: one open problem and one with an application waiting for the district.
      if (e.id === ent1)
        return [
          { ...e, story: 'open' as Story },
          { ...e, story: 'applied' as Story },
        ];
      const stories = i % 3 === 0 ? 2 : 1;
      return Array.from({ length: stories }, () => ({ ...e, story: STORIES[n++ % STORIES.length]! }));
    });
    for (const [i, p] of problemsOf.slice(0, 32).entries()) {
      const type = PROBLEM_TYPES[i % PROBLEM_TYPES.length]!.key;
      const handling = HANDLING_OF[i % HANDLING_OF.length]!;
      const foundDaysAgo = 40 + ((i * 7) % 45);
      const district = districtUser(p.district);
      const rectified = p.story === 'closed';
      const { id: problemId } = await trx
        .insertInto('problem')
        .values({
          campaign_id: campaign.id,
          enterprise_id: p.id,
          district_code: p.district,
          source: i % 5 === 4 ? 'self_check' : 'screening',
          problem_type: type,
          description: DESCRIPTIONS[type],
          found_on: day(foundDaysAgo),
          case_document_no: i % 2 === 0 ? `益环罚〔2026〕${10 + i}号` : null,
          handling,
          penalty_requirement:
            handling === 'closure'
              ? '责令关闭'
              : handling === 'listed_supervision'
                ? '挂牌督办，限期三个月整改'
                : '责令限期整改',
          penalty_execution: i % 2 === 0 ? '已执行' : null,
          plan_status: '已制定整治方案',
          measures: MEASURES[type],
          deadline_on: day(foundDaysAgo - 90),
          recheck_report_no: rectified ? `YYJC-2026-${String(500 + i).padStart(4, '0')}` : null,
          status: 'open',
          created_by: district?.id ?? null,
          created_at: at(foundDaysAgo, 9),
          updated_at: at(foundDaysAgo, 9),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      if (p.story === 'open') continue;
      const applicant = entUser(p.id);
      const rounds: { status: SignOffStatus; appliedDaysAgo: number }[] =
        p.story === 'city_refused_reapplied'
          ? [
              { status: 'city_refused', appliedDaysAgo: 20 },
              { status: 'applied', appliedDaysAgo: 3 },
            ]
          : [
              {
                status: p.story === 'district_refused' ? 'district_refused' : p.story,
                appliedDaysAgo: 12 - (i % 6),
              },
            ];
      for (const [r, round] of rounds.entries()) {
        const s = round.status;
        const districtSigned = s !== 'applied';
        const citySigned = s === 'closed' || s === 'city_refused';
        const dAgo = round.appliedDaysAgo - 2;
        const cAgo = round.appliedDaysAgo - 4;
        await trx
          .insertInto('sign_off')
          .values({
            problem_id: problemId,
            round: r + 1,
            status: s,
            measures_taken: MEASURES[type],
            completion:
              s === 'city_refused' ? '主体工程已完工，试运行中' : '已按整治方案完成整改，经复测达标',
            evidence: JSON.stringify([
              { name: '整改前后对比照片', note: '共 6 张' },
              { name: '第三方复测报告', note: `YYJC-2026-${String(700 + i).padStart(4, '0')}` },
            ]),
            applied_by: applicant?.id ?? null,
            applicant_name: applicant?.display_name ?? '企业环保负责人',
            applied_at: at(round.appliedDaysAgo, 15),
            ...(districtSigned
              ? {
                  district_opinion:
                    s === 'district_refused'
                      ? '现场核查治理设施未正常运行，不同意销号'
                      : '经现场核查，整改措施已落实，同意销号',
                  district_verifier: district?.display_name ?? '区县核查人',
                  district_verified_by: district?.id ?? null,
                  district_verified_at: at(dAgo, 11),
                }
              : {}),
            ...(citySigned
              ? {
                  city_opinion:
                    s === 'city_refused' ? '缺少连续一个月的在线监测数据，暂不同意销号' : '同意销号',
                  city_verifier: cityUser?.display_name ?? '市局核查人',
                  city_verified_by: cityUser?.id ?? null,
                  city_verified_at: at(cAgo, 16),
                }
              : {}),
            version: 1 + (districtSigned ? 1 : 0) + (citySigned ? 1 : 0),
          })
          .execute();
      }
      const last = rounds.at(-1)!.status;
      const problemStatus =
        last === 'closed'
          ? 'closed'
          : last === 'applied'
            ? 'applied'
            : last === 'district_verified'
              ? 'district_verified'
              : 'open';
      await trx
        .updateTable('problem')
        .set({
          status: problemStatus,
          ...(problemStatus === 'closed' ? { closed_at: at(rounds.at(-1)!.appliedDaysAgo - 4, 16) } : {}),
          updated_at: at(1),
          version: 1 + rounds.length,
        })
        .where('id', '=', problemId)
        .execute();
    }
  });
}
