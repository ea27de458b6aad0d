import { sql } from 'kysely';
import { buildApp } from '../../apps/server/src/app';
import { seedDemoCity } from '../../apps/server/src/demo/seed-city';
import { bootstrap } from '../../apps/server/src/platform/bootstrap/bootstrap';
import { loadConfig } from '../../apps/server/src/platform/config';
import type { Db } from '../../apps/server/src/platform/db/database';
import { openTestDatabase } from '../../apps/server/test/support/test-database';
import { percentile } from './util';

const MONITORS = 1000;
const MONTH = '2026-10';

/** 1,000 monitors (the demo city's and bench ones), a month of day rates each, a year of hourly values for one. */
async function fill(db: Db): Promise<{ outletId: number }> {
  const { n } = await db
    .selectFrom('monitor')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const outlets = await db
    .selectFrom('outlet')
    .select('id')
    .where('kind', '=', 'air')
    .orderBy('id')
    .execute();
  await sql`
    insert into monitor (outlet_id, mn, password)
    select (${sql.raw(`array[${outlets.map((o) => o.id).join(',')}]`)})[1 + g % ${outlets.length}::int],
           'BENCHQ' || lpad(g::text, 18, '0'), '123456'
    from generate_series(1, ${MONITORS - Number(n)}::int) g`.execute(db);
  // Day rates: most monitors nearly complete, some poor, a few silent days.
  await sql`
    insert into monitor_day_rate (monitor_id, day, expected, received, valid, online_hours, computed_at, received_mask, valid_mask)
    select m.id, d::date, 24, r, v, r, now(), (1 << r) - 1, (1 << v) - 1
    from monitor m, generate_series(date '2026-10-01', date '2026-10-31', interval '1 day') d,
         lateral (select 24 - (m.id * 7 + extract(day from d)::int) % 5 as r) rr,
         lateral (select greatest(0, r - (m.id + extract(day from d)::int) % 4) as v) vv`.execute(db);
  const first = await db
    .selectFrom('monitor')
    .innerJoin('outlet', 'outlet.id', 'monitor.outlet_id')
    .select(['monitor.id', 'outlet.id as outletId'])
    .where('outlet.kind', '=', 'air')
    .orderBy('monitor.id')
    .executeTakeFirstOrThrow();
  await sql`
    insert into monitor_data_span (monitor_id, first_data_at, last_data_at)
    select id, timestamptz '2025-10-01 00:00+08', timestamptz '2026-10-31 23:00+08' from monitor
    on conflict do nothing`.execute(db);
  // A year of hourly values for three pollutants of one outlet.
  await sql`
    insert into hourly_value (monitor_id, pollutant, hour, avg, min, max, zs_avg, valid, received_count, valid_count,
                              expected_count, flag, source, computed_at)
    select ${first.id}, p, h, 20 + (extract(hour from h)::int % 7), 10, 40, 25, (extract(hour from h)::int % 23) <> 5,
           6, 6, 6, 'N', 'minutes', now()
    from generate_series(timestamptz '2025-11-01 00:00+08', timestamptz '2026-10-31 23:00+08', interval '1 hour') h,
         unnest(array['a21026','a21002','a34013']) p`.execute(db);
  return { outletId: first.outletId };
}

async function time(n: number, f: () => Promise<void>): Promise<{ p50: number; p95: number }> {
  await f();
  await f(); // warm-up
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await f();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { p50: Number(percentile(times, 50).toFixed(1)), p95: Number(percentile(times, 95).toFixed(1)) };
}

/** The outlet-year series and the month's rate table for 1,000 monitors, over HTTP. */
export async function monitoringQueriesBench(kind: 'postgres' | 'pglite') {
  process.env.DB_KIND = kind;
  const database = await openTestDatabase();
  try {
    const config = { ...loadConfig({}), demo: true };
    await bootstrap(database.db, config, (db) => seedDemoCity(db));
    const { outletId } = await fill(database.db);
    const app = await buildApp({ database, config });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}/api/v1`;
    const auth = await fetch(`${base}/auth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: 'dabiao-demo' }),
    });
    const headers = { authorization: `Bearer ${((await auth.json()) as { token: string }).token}` };
    const get = async (path: string, check: (body: unknown) => void) => {
      const res = await fetch(base + path, { headers });
      if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
      check(await res.json());
    };
    let points = 0;
    const series = await time(20, () =>
      get(
        `/monitoring/outlets/${outletId}/series?pollutant=a21026&period=hour&from=2025-11-01T00:00:00%2B08:00&to=2026-11-01T00:00:00%2B08:00`,
        (b) => {
          points = (b as { points: unknown[] }).points.length;
        },
      ),
    );
    let rows = 0;
    const ratesByMonitor = await time(10, () =>
      get(`/monitoring/rates?month=${MONTH}&groupBy=monitor`, (b) => {
        rows = (b as { rows: unknown[] }).rows.length;
      }),
    );
    const ratesByRegion = await time(10, () =>
      get(`/monitoring/rates?month=${MONTH}&groupBy=region`, () => undefined),
    );
    await app.close();
    console.log(
      `monitoring queries (${kind}): one outlet's hourly series for a year (${points} points): p50 ${series.p50} ms, p95 ${series.p95} ms (goal ≤ 100 ms)`,
    );
    console.log(
      `  validity-rate table, ${rows} monitors over ${MONTH}: by monitor p50 ${ratesByMonitor.p50} ms, p95 ${ratesByMonitor.p95} ms; by district p50 ${ratesByRegion.p50} ms (goal ≤ 1 s)`,
    );
    return {
      seriesYearMs: series,
      seriesPoints: points,
      ratesMonitors: rows,
      ratesByMonitorMs: ratesByMonitor,
      ratesByRegionMs: ratesByRegion,
    };
  } finally {
    await database.close();
  }
}
