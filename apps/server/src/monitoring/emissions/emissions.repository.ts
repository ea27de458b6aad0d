import { sql } from 'kysely';
import type { DbOrTrx } from '../../platform/db/database';

/** kg of each pollutant per month (1-12) of `year`, summed over the enterprise's monitors' daily values. */
export async function monthlyAmounts(db: DbOrTrx, enterpriseId: number, year: number) {
  const { rows } = await sql<{ pollutant: string; month: number; kg: number }>`
    select d.pollutant, extract(month from d.day)::int as month, sum(d.cou)::float8 as kg
    from daily_value d
    join monitor m on m.id = d.monitor_id
    join outlet o on o.id = m.outlet_id
    where o.enterprise_id = ${enterpriseId}::int
      and d.day >= make_date(${year}::int, 1, 1) and d.day < make_date(${year}::int + 1, 1, 1)
      and d.cou is not null
    group by d.pollutant, extract(month from d.day)`.execute(db);
  return rows;
}

/** Tonnes a year per pollutant allowed by the enterprise's permits in force on `day` (YYYY-MM-DD). */
export async function permittedAmounts(db: DbOrTrx, enterpriseId: number, day: string) {
  const { rows } = await sql<{ pollutant: string; tonnes: number; permits: string }>`
    select pp.pollutant_code as pollutant, sum(pp.annual_total_t)::float8 as tonnes,
           string_agg(p.number, '、' order by p.number) as permits
    from permit p
    join permit_pollutant pp on pp.permit_id = p.id
    where p.enterprise_id = ${enterpriseId}::int and p.active
      and (p.valid_from is null or p.valid_from <= ${day}::date)
      and (p.valid_to is null or p.valid_to >= ${day}::date)
      and pp.annual_total_t is not null
    group by pp.pollutant_code`.execute(db);
  return rows;
}
