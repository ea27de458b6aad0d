import type { DbOrTrx } from '../platform/db/database';

export interface RegionInfo {
  code: string;
  name: string;
  level: 'province' | 'city' | 'district' | 'township';
  parentCode: string | null;
}
export type RegionIndex = Map<string, RegionInfo>;

/** Regions are a few hundred rows: loaded whole when a command needs to check codes. */
export async function loadRegionIndex(db: DbOrTrx): Promise<RegionIndex> {
  const rows = await db.selectFrom('region').selectAll().execute();
  return new Map(
    rows.map((r) => [r.code, { code: r.code, name: r.name, level: r.level, parentCode: r.parent_code }]),
  );
}

export async function loadGridIndex(db: DbOrTrx): Promise<Map<number, { townshipCode: string }>> {
  const rows = await db.selectFrom('grid').select(['id', 'township_code']).execute();
  return new Map(rows.map((g) => [g.id, { townshipCode: g.township_code }]));
}

/** The regions inside `prefix` and the ancestors that contain it (a district user sees its city). */
export function regionsInScope(
  index: RegionIndex,
  prefix: string,
  filter: { parent?: string; level?: string },
) {
  return [...index.values()]
    .filter((r) => r.code.startsWith(prefix) || prefix.startsWith(regionPrefixOf(r.code)))
    .filter((r) => !filter.parent || r.parentCode === filter.parent)
    .filter((r) => !filter.level || r.level === filter.level)
    .sort((a, b) => a.code.localeCompare(b.code));
}

const regionPrefixOf = (code: string) =>
  code.length === 6 && code.endsWith('0000')
    ? code.slice(0, 2)
    : code.length === 6 && code.endsWith('00')
      ? code.slice(0, 4)
      : code;
