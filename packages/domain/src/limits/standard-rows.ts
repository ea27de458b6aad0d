import type { OutletKind } from '../registry/enums';
import type {
  Averaging,
  LimitValue,
  SourceAge,
  SourceCategory,
  SpecialKind,
  StandardLimit,
  StandardRef,
  WaterTemperatureCondition,
} from './types';

/** How standards-data.ts turns the notes' table cells into `StandardLimit` rows. */
const NOTES = 'shared/standards/README.md, Limits for the priority industries';

export const national = (code: string, title: string): StandardRef => ({
  code,
  series: code.replace(/-\d{4}$/, ''),
  title,
  level: 'national',
  regionCodes: null,
});

/** A row of the notes' table: one standard, plant category and averaging. */
export interface Group {
  standard: StandardRef;
  outletKind: OutletKind;
  category: SourceCategory;
  industries: readonly string[] | null;
  /** The notes' row label, quoted in `source`. */
  label: string;
  averaging: Averaging;
  referenceO2: number | null;
  sourceAge?: SourceAge;
}

/** One limit cell of that row. */
export interface Cell {
  pollutant: string;
  value: number | [lo: number, hi: number];
  averaging?: Averaging;
  sourceAge?: SourceAge;
  waterTemperature?: WaterTemperatureCondition;
  special?: SpecialKind;
  reading?: string;
}

const ID_TEMP = (t: WaterTemperatureCondition) => ('above' in t ? `gt${t.above}C` : `le${t.atMost}C`);

/** The rows of one group; ids are built from the fields that tell rows apart. */
export function rows(g: Group, cells: readonly Cell[]): StandardLimit[] {
  const water = g.outletKind === 'water';
  return cells.map((c) => {
    const averaging = c.averaging ?? g.averaging;
    const sourceAge = c.sourceAge ?? g.sourceAge;
    const value: LimitValue = Array.isArray(c.value)
      ? { kind: 'range', lo: c.value[0], hi: c.value[1] }
      : { kind: 'max', max: c.value };
    const shown = value.kind === 'range' ? `${value.lo}-${value.hi}` : String(value.max);
    const id = [g.standard.code.replace(' ', ''), g.category, c.pollutant, averaging, sourceAge, c.special]
      .concat(c.waterTemperature ? [ID_TEMP(c.waterTemperature)] : [])
      .filter(Boolean)
      .join(':');
    const row: StandardLimit = {
      kind: 'standard',
      id,
      standard: g.standard,
      outletKind: g.outletKind,
      industries: g.industries,
      category: g.category,
      pollutant: c.pollutant,
      value,
      unit: c.pollutant === 'w01001' ? '无量纲' : water ? 'mg/L' : 'mg/m³',
      averaging,
      referenceO2: g.referenceO2,
      clause: null,
      special: c.special ?? null,
      effectiveFrom: null,
      revision: 1,
      confirmed: false,
      source: `${NOTES}: ${g.standard.code} ${g.label}, ${c.pollutant} ${c.special ?? 'limit'} ${shown}`,
    };
    if (sourceAge) row.sourceAge = sourceAge;
    if (c.waterTemperature) row.waterTemperature = c.waterTemperature;
    if (c.reading) row.reading = c.reading;
    return row;
  });
}

/** `[pollutant, limit, special limit]` → the two rows. */
export const withSpecial = (list: readonly (readonly [string, number, number])[]): Cell[] =>
  list.flatMap(([pollutant, base, special]) => [
    { pollutant, value: base },
    { pollutant, value: special, special: 'special' as const },
  ]);
