import { type AssessmentKind, assessmentTitle, draftSections, shanghaiDateText } from '@dabiao/domain';
import { countFigures } from '../assessments/assessment.figures';
import type { Db } from '../platform/db/database';
import { CITY_CODE } from './demo-districts';
import { REVIEW_2026 } from './seed-campaigns';

/** The district whose reports the demo shows (赫山区). */
const DEMO_DISTRICT = '430903';

/**
 * Demo: a finalized assessment report of one district, a draft per-industry assessment of the city and
 * a yearly summary, counted from the demo data as it stands at `now` (after the other histories).
 * Runs once: nothing is added when reports exist already.
 */
export async function seedAssessmentHistory(db: Db, now: Date): Promise<void> {
  const existing = await db.selectFrom('assessment_report').select('id').limit(1).executeTakeFirst();
  if (existing) return;
  const campaign = await db
    .selectFrom('campaign')
    .select(['id', 'name', 'starts_on'])
    .where('name', '=', REVIEW_2026)
    .executeTakeFirst();
  if (!campaign) return;
  const today = shanghaiDateText(now);
  const periodTo = [campaign.starts_on, today].sort().at(-1) as string; // dates compare as text
  const regions = await db
    .selectFrom('region')
    .select(['code', 'name'])
    .where('code', 'in', [DEMO_DISTRICT, CITY_CODE])
    .execute();
  const nameOf = (code: string) => regions.find((r) => r.code === code)?.name ?? code;
  const author = async (role: string, region: string) =>
    (
      await db
        .selectFrom('app_user')
        .select('id')
        .where('role', '=', role)
        .where('region_code', '=', region)
        .orderBy('id')
        .executeTakeFirst()
    )?.id ?? null;
  const topIndustry = await db
    .selectFrom('enterprise')
    .select(['programme_industry', (eb) => eb.fn.countAll<number>().as('n')])
    .where('programme_industry', 'is not', null)
    .where('active', '=', true)
    .groupBy('programme_industry')
    .orderBy('n', 'desc')
    .orderBy('programme_industry')
    .executeTakeFirst();

  const reports: {
    kind: AssessmentKind;
    region: string;
    industry: string | null;
    from: string;
    status: 'draft' | 'final';
    role: string;
  }[] = [
    {
      kind: 'assessment',
      region: DEMO_DISTRICT,
      industry: null,
      from: campaign.starts_on,
      status: 'final',
      role: 'district',
    },
    {
      kind: 'assessment',
      region: CITY_CODE,
      industry: topIndustry?.programme_industry ?? null,
      from: campaign.starts_on,
      status: 'draft',
      role: 'city',
    },
    {
      kind: 'yearly_summary',
      region: DEMO_DISTRICT,
      industry: null,
      from: `${periodTo.slice(0, 4)}-01-01`,
      status: 'draft',
      role: 'district',
    },
  ];
  for (const r of reports) {
    const figures = await countFigures(
      db,
      {
        regionCode: r.region,
        regionName: nameOf(r.region),
        industry: r.industry,
        campaignId: campaign.id,
        campaignName: campaign.name,
        periodFrom: r.from,
        periodTo,
      },
      now,
    );
    await db
      .insertInto('assessment_report')
      .values({
        campaign_id: campaign.id,
        kind: r.kind,
        scope: r.industry ? 'industry' : 'region',
        region_code: r.region,
        industry: r.industry,
        period_from: r.from,
        period_to: periodTo,
        title: assessmentTitle(r.kind, figures),
        figures: JSON.stringify(figures),
        sections: JSON.stringify({ list: draftSections(r.kind, figures) }),
        status: r.status,
        created_by: await author(r.role, r.region),
        created_at: now,
        updated_at: now,
        version: r.status === 'final' ? 2 : 1,
      })
      .execute();
  }
}
