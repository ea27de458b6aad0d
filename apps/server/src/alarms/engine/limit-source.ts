import {
  CATEGORY_OF_PROFILE,
  dayStart,
  type LimitCandidate,
  type LimitResolution,
  resolveLimit,
  type SourceAge,
  type SourceCategory,
  type SpecialLimitDesignation,
  type StandardLimit,
} from '@dabiao/domain';
import { toDesignation, toStandardLimit } from '../../limits/limit-rows';
import { permitLimitsOf } from '../../limits/permit-limits.repository';
import type { DbOrTrx } from '../../platform/db/database';

/** What the resolver needs to know about an outlet (registry facts, loaded once per batch). */
export interface OutletFacts {
  outletId: number;
  enterpriseId: number;
  outletKind: 'air' | 'water';
  outletCode: string;
  category: SourceCategory | null;
  sourceAge: SourceAge | null;
  industry: string | null;
  regionCode: string;
}

export async function loadOutletFacts(db: DbOrTrx, outletIds: readonly number[]) {
  if (!outletIds.length) return new Map<number, OutletFacts>();
  const rows = await db
    .selectFrom('outlet')
    .innerJoin('enterprise', 'enterprise.id', 'outlet.enterprise_id')
    .select([
      'outlet.id',
      'outlet.enterprise_id',
      'outlet.kind',
      'outlet.code',
      'outlet.profile',
      'outlet.standard_category',
      'outlet.source_age',
      'enterprise.programme_industry',
      'enterprise.region_code',
    ])
    .where('outlet.id', 'in', outletIds)
    .execute();
  return new Map(
    rows.map((r): [number, OutletFacts] => [
      r.id,
      {
        outletId: r.id,
        enterpriseId: r.enterprise_id,
        outletKind: r.kind === 'water' ? 'water' : 'air',
        outletCode: r.code,
        category:
          (r.standard_category as SourceCategory | null) ??
          (r.profile ? (CATEGORY_OF_PROFILE[r.profile] ?? null) : null),
        sourceAge: (r.source_age as SourceAge | null) ?? null,
        industry: r.programme_industry,
        regionCode: r.region_code,
      },
    ]),
  );
}

interface Snapshot {
  loadedAt: number;
  /** Resolutions already made with these rows: outlet, pollutant, averaging, Shanghai day. */
  resolved: Map<string, LimitResolution | null>;
  standards: Map<string, StandardLimit[]>;
  designations: SpecialLimitDesignation[];
  permits: Map<number, { permitNumber: string | null; limits: LimitCandidate[] }>;
}

/**
 * The limit in force for an outlet, pollutant, averaging and moment: the domain resolver over the
 * standards library, the special-limit designations and the enterprise's permit. The rows are read
 * once and kept for `ttlMs` (the library changes seldom; a verdict stores the copy it used).
 */
export class LimitSource {
  private snapshot: Snapshot | null = null;

  constructor(private readonly ttlMs = 60_000) {}

  /** Forget the cached rows (after an edit of the library or of a permit). */
  invalidate(): void {
    this.snapshot = null;
  }

  async resolve(
    db: DbOrTrx,
    facts: OutletFacts,
    pollutant: string,
    averaging: 'hour' | 'day',
    at: Date,
    now: Date,
  ): Promise<LimitResolution | null> {
    const category = facts.category;
    if (!category) return null;
    const s = await this.load(db, now);
    // Limits change by the day (effective dates are days): one resolution per outlet, pollutant,
    // averaging and day while the rows are cached.
    const key = `${facts.outletId}|${facts.category}|${facts.sourceAge}|${pollutant}|${averaging}|${dayStart(at).getTime()}`;
    if (s.resolved.has(key)) return s.resolved.get(key) ?? null;
    const r = await this.resolveUncached(db, s, facts, category, pollutant, averaging, at);
    s.resolved.set(key, r);
    return r;
  }

  private async resolveUncached(
    db: DbOrTrx,
    s: Snapshot,
    facts: OutletFacts,
    category: SourceCategory,
    pollutant: string,
    averaging: 'hour' | 'day',
    at: Date,
  ): Promise<LimitResolution | null> {
    let permit = s.permits.get(facts.enterpriseId);
    if (!permit) {
      const p = await permitLimitsOf(db, facts.enterpriseId);
      permit = { permitNumber: p.permitNumber, limits: p.limits };
      s.permits.set(facts.enterpriseId, permit);
    }
    const candidates: LimitCandidate[] = [
      ...(s.standards.get(pollutant) ?? []),
      ...permit.limits.filter((l) => l.pollutant === pollutant),
    ];
    if (!candidates.length) return null;
    return resolveLimit(
      {
        at,
        pollutant,
        averaging,
        outletKind: facts.outletKind,
        outletCode: facts.outletCode,
        category,
        industry: facts.industry,
        regionCode: facts.regionCode,
        permitNumber: permit.permitNumber,
        ...(facts.sourceAge ? { sourceAge: facts.sourceAge } : {}),
        designations: s.designations,
      },
      candidates,
    );
  }

  private async load(db: DbOrTrx, now: Date): Promise<Snapshot> {
    if (
      this.snapshot &&
      now.getTime() - this.snapshot.loadedAt < this.ttlMs &&
      this.snapshot.loadedAt <= now.getTime()
    )
      return this.snapshot;
    const rows = await db
      .selectFrom('standard_limit')
      .selectAll()
      .where('active', '=', true)
      .orderBy('id')
      .execute();
    const standards = new Map<string, StandardLimit[]>();
    for (const r of rows) {
      const list = standards.get(r.pollutant) ?? [];
      list.push(toStandardLimit(r));
      standards.set(r.pollutant, list);
    }
    const designations = (
      await db.selectFrom('special_limit_designation').selectAll().where('active', '=', true).execute()
    ).map(toDesignation);
    this.snapshot = {
      loadedAt: now.getTime(),
      resolved: new Map(),
      standards,
      designations,
      permits: new Map(),
    };
    return this.snapshot;
  }
}
