/**
 * 达标计划 (E1): a campaign with industry batches and dated phases (seed 004 四 进度安排). Pure:
 * "now" is always a parameter; phase ends go through the deadline engine.
 */
import { endOfShanghaiDay, isDateText, startOfShanghaiDay } from '../deadlines/date-text';
import { type DeadlineState, deadlineStatus } from '../deadlines/status';
import { programmeIndustry } from '../registry/programme-industries';

export const PHASE_KINDS = [
  { key: 'deployment', zh: '部署', en: 'Deployment' },
  { key: 'training', zh: '培训解读', en: 'Training' },
  { key: 'screening', zh: '自查排查', en: 'Screening' },
  { key: 'assessment', zh: '评估', en: 'Assessment' },
  { key: 'rectification', zh: '整治达标', en: 'Rectification' },
  { key: 'summary', zh: '工作总结', en: 'Summary' },
] as const;
export type CampaignPhaseKind = (typeof PHASE_KINDS)[number]['key'];
const PHASE_KIND_KEYS: ReadonlySet<string> = new Set(PHASE_KINDS.map((k) => k.key));

export interface CampaignBatchDef {
  name: string;
  /** Keys of PROGRAMME_INDUSTRIES. */
  industries: readonly string[];
  /** 第三批及其他行业: every industry not named in another batch (and enterprises outside the list). */
  includesRest: boolean;
}

export interface CampaignPhaseDef {
  /** 1-based ordinal of the batch, or null for a campaign-wide phase. */
  batch: number | null;
  kind: string;
  name: string;
  startsOn: string;
  endsOn: string;
  source?: string | null;
}

export interface CampaignDefinition {
  name: string;
  startsOn: string;
  endsOn: string;
  coveredRegions: readonly string[];
  batches: readonly CampaignBatchDef[];
  phases: readonly CampaignPhaseDef[];
}

export interface CampaignFieldError {
  path: string;
  message: string;
  code: string;
}

/**
 * Every problem of a campaign definition, with the JSON pointer of the field: dates real and in
 * order, phases inside the campaign, known industries, an industry in at most one batch, at most
 * one includes_rest batch, phases pointing at an existing batch. `knownRegions`, when given, is the
 * set of region codes a campaign may cover.
 */
export function validateCampaign(
  def: CampaignDefinition,
  knownRegions?: ReadonlySet<string>,
): CampaignFieldError[] {
  const errors: CampaignFieldError[] = [];
  const push = (path: string, message: string, code: string) => errors.push({ path, message, code });
  if (!def.name.trim()) push('/name', '请填写计划名称', 'REQUIRED');
  const datesOk = isDateText(def.startsOn) && isDateText(def.endsOn);
  if (!isDateText(def.startsOn)) push('/startsOn', '日期格式应为 YYYY-MM-DD', 'INVALID_DATE');
  if (!isDateText(def.endsOn)) push('/endsOn', '日期格式应为 YYYY-MM-DD', 'INVALID_DATE');
  if (datesOk && def.endsOn < def.startsOn) push('/endsOn', '结束日期不能早于开始日期', 'ENDS_BEFORE_STARTS');

  if (def.coveredRegions.length === 0) push('/coveredRegions', '请至少选择一个县（市）区', 'REQUIRED');
  const seenRegions = new Set<string>();
  def.coveredRegions.forEach((code, i) => {
    if (seenRegions.has(code)) push(`/coveredRegions/${i}`, '县（市）区重复', 'DUPLICATE');
    else if (knownRegions && !knownRegions.has(code))
      push(`/coveredRegions/${i}`, '不是本市的县（市）区', 'UNKNOWN_REGION');
    seenRegions.add(code);
  });

  if (def.batches.length === 0) push('/batches', '至少需要一个批次', 'REQUIRED');
  const industryBatch = new Map<string, number>();
  let restBatch: number | null = null;
  def.batches.forEach((b, i) => {
    if (!b.name.trim()) push(`/batches/${i}/name`, '请填写批次名称', 'REQUIRED');
    if (b.includesRest) {
      if (restBatch !== null)
        push(
          `/batches/${i}/includesRest`,
          `第${restBatch + 1}批已包含其他行业，只能有一个`,
          'SECOND_REST_BATCH',
        );
      else restBatch = i;
    } else if (b.industries.length === 0) {
      push(`/batches/${i}/industries`, '请选择行业，或勾选“包含其他行业”', 'REQUIRED');
    }
    b.industries.forEach((key, j) => {
      const path = `/batches/${i}/industries/${j}`;
      const industry = programmeIndustry(key);
      const other = industryBatch.get(key);
      if (!industry) push(path, `未知行业：${key}`, 'UNKNOWN_INDUSTRY');
      else if (other !== undefined)
        push(
          path,
          other === i ? `行业“${industry.zh}”重复` : `行业“${industry.zh}”已在第${other + 1}批`,
          'INDUSTRY_IN_TWO_BATCHES',
        );
      else industryBatch.set(key, i);
    });
  });

  def.phases.forEach((p, i) => {
    const path = `/phases/${i}`;
    if (!p.name.trim()) push(`${path}/name`, '请填写阶段名称', 'REQUIRED');
    if (!PHASE_KIND_KEYS.has(p.kind)) push(`${path}/kind`, `未知阶段类型：${p.kind}`, 'UNKNOWN_KIND');
    if (p.batch !== null && !(Number.isInteger(p.batch) && p.batch >= 1 && p.batch <= def.batches.length))
      push(`${path}/batch`, '批次不存在', 'UNKNOWN_BATCH');
    const okStart = isDateText(p.startsOn);
    const okEnd = isDateText(p.endsOn);
    if (!okStart) push(`${path}/startsOn`, '日期格式应为 YYYY-MM-DD', 'INVALID_DATE');
    if (!okEnd) push(`${path}/endsOn`, '日期格式应为 YYYY-MM-DD', 'INVALID_DATE');
    if (!okStart || !okEnd) return;
    if (p.endsOn < p.startsOn) push(`${path}/endsOn`, '阶段结束日期不能早于开始日期', 'ENDS_BEFORE_STARTS');
    if (!datesOk) return;
    if (p.startsOn < def.startsOn)
      push(`${path}/startsOn`, `阶段不能早于计划开始日期 ${def.startsOn}`, 'OUTSIDE_CAMPAIGN');
    if (p.endsOn > def.endsOn)
      push(`${path}/endsOn`, `阶段不能晚于计划结束日期 ${def.endsOn}`, 'OUTSIDE_CAMPAIGN');
  });
  return errors;
}

/** Which batch (1-based ordinal) an enterprise of `industryKey` falls in; null when none. */
export function batchOfIndustry(
  batches: readonly Pick<CampaignBatchDef, 'industries' | 'includesRest'>[],
  industryKey: string | null | undefined,
): number | null {
  if (industryKey) {
    const i = batches.findIndex((b) => b.industries.includes(industryKey));
    if (i >= 0) return i + 1;
  }
  const rest = batches.findIndex((b) => b.includesRest);
  return rest >= 0 ? rest + 1 : null;
}

/** The industry keys a batch stands for, given the other batches ("rest" = all not named elsewhere). */
export function industriesOfBatch(
  batches: readonly Pick<CampaignBatchDef, 'industries' | 'includesRest'>[],
  ordinal: number,
  allKeys: readonly string[],
): { keys: string[]; includesUnlisted: boolean } {
  const b = batches[ordinal - 1];
  if (!b) return { keys: [], includesUnlisted: false };
  if (!b.includesRest) return { keys: [...b.industries], includesUnlisted: false };
  const elsewhere = new Set(batches.filter((_, i) => i !== ordinal - 1).flatMap((x) => x.industries));
  return { keys: allKeys.filter((k) => !elsewhere.has(k)), includesUnlisted: true };
}

export type PhaseStatus = 'upcoming' | 'current' | 'finished';

export interface PhaseState {
  status: PhaseStatus;
  /** The deadline engine's view of the phase end (23:59:59.999 Shanghai on endsOn). */
  deadline: DeadlineState;
  /** Whole days left until the end (current), until the start (upcoming), 0 when finished. */
  daysLeft: number;
}

const DAY_MS = 86_400_000;

/**
 * Where a phase stands at `now`: finished once its end (through deadlineStatus) is overdue,
 * upcoming before 00:00 Shanghai of its first day, current in between. `remindBefore` (ms, default
 * 7 days) makes a current phase `due-soon` near its end.
 */
export function phaseState(
  phase: { startsOn: string; endsOn: string },
  now: Date,
  remindBefore = 7 * DAY_MS,
): PhaseState {
  const end = deadlineStatus(endOfShanghaiDay(phase.endsOn), now, { remindBefore });
  if (end.state === 'overdue') return { status: 'finished', deadline: end.state, daysLeft: 0 };
  const start = startOfShanghaiDay(phase.startsOn).getTime();
  if (now.getTime() < start)
    return { status: 'upcoming', deadline: end.state, daysLeft: Math.ceil((start - now.getTime()) / DAY_MS) };
  return { status: 'current', deadline: end.state, daysLeft: Math.ceil(end.remainingMs / DAY_MS) };
}

export interface BatchPhaseSummary<P> {
  /** 1-based batch ordinal, null for the campaign-wide phases. */
  batch: number | null;
  current: P[];
  upcoming: P[];
  finished: P[];
}

/**
 * The phases of a campaign grouped per batch (campaign-wide phases under `null`), each split into
 * current / upcoming / finished at `now`, in start order.
 */
export function campaignPhaseStatus<P extends { batch: number | null; startsOn: string; endsOn: string }>(
  phases: readonly P[],
  now: Date,
): BatchPhaseSummary<P & { state: PhaseState }>[] {
  const groups = new Map<number | null, BatchPhaseSummary<P & { state: PhaseState }>>();
  const sorted = [...phases].sort(
    (a, b) => a.startsOn.localeCompare(b.startsOn) || a.endsOn.localeCompare(b.endsOn),
  );
  for (const p of sorted) {
    let g = groups.get(p.batch);
    if (!g) {
      g = { batch: p.batch, current: [], upcoming: [], finished: [] };
      groups.set(p.batch, g);
    }
    const state = phaseState(p, now);
    g[state.status].push({ ...p, state });
  }
  return [...groups.values()].sort((a, b) => (a.batch ?? 0) - (b.batch ?? 0));
}

/** Whether the campaign runs on `now`'s day: 'upcoming' | 'current' | 'finished'. */
export function campaignStatus(c: { startsOn: string; endsOn: string }, now: Date): PhaseStatus {
  return phaseState(c, now, 0).status;
}
