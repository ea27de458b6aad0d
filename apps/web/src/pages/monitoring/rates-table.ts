// The 传输有效率 table: which rows to highlight, client-side sorting, the "only below" filter.
import type { RateRow } from '../../api/monitoring';
import { belowTarget } from './rate-format';

/** Rows whose rate is computed and under 90 % are highlighted. */
export const rowBelow = (row: Pick<RateRow, 'transmissionValidityRate'>): boolean =>
  belowTarget(row.transmissionValidityRate);

/** Sorts nulls (nothing expected) last whatever the direction, as a screen reader of a ranking expects. */
export function compareRates(a: number | null, b: number | null): number {
  if (a === null && b === null) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a - b;
}

/** The rows under 90 % only, and/or those whose name, enterprise, outlet or MN contains `q`. */
export function filterRows(rows: readonly RateRow[], onlyBelow: boolean, q = ''): RateRow[] {
  const needle = q.trim().toLowerCase();
  return rows.filter(
    (r) =>
      (!onlyBelow || rowBelow(r)) &&
      (!needle ||
        [r.name, r.enterpriseName, r.outletName, r.mn, r.regionName].some((v) =>
          v?.toLowerCase().includes(needle),
        )),
  );
}

/** Where a row leads: a monitor's outlet page, else the monitors of the enterprise or district. */
export function rowLink(row: RateRow): string | null {
  if (row.outletId !== null && row.monitorId !== null) return `/monitoring/outlets/${row.outletId}`;
  if (row.enterpriseId !== null) return `/monitoring/monitors?enterpriseId=${row.enterpriseId}`;
  if (row.regionCode) return `/monitoring/monitors?regionCode=${encodeURIComponent(row.regionCode)}`;
  return null;
}
