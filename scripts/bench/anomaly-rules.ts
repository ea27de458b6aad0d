import {
  DEFAULT_ANOMALY_RULES,
  evaluateAnomalies,
  type HourSample,
  type MonitorWindow,
} from '@dabiao/domain';
import { sql } from 'kysely';
import { noEffects } from '../../apps/server/src/alarms/engine/alarm-store';
import { sweepAnomalies } from '../../apps/server/src/alarms/engine/anomaly-sweep';
import { LimitSource } from '../../apps/server/src/alarms/engine/limit-source';
import { seedDemoCity } from '../../apps/server/src/demo/seed-city';
import { bootstrap } from '../../apps/server/src/platform/bootstrap/bootstrap';
import { loadConfig } from '../../apps/server/src/platform/config';
import { openTestDatabase } from '../../apps/server/test/support/test-database';

const OUTLETS = 10_000;
const HOUR_MS = 3_600_000;
const CODES = ['a34013', 'a21026', 'a21002', 'a19001', 'a00000', 'a01012'];

/** 10,000 flue-gas windows of 24 hours, six pollutants, ordinary values with a few anomalies. */
function windows(now: Date): MonitorWindow[] {
  const to = Math.floor(now.getTime() / HOUR_MS) * HOUR_MS;
  return Array.from({ length: OUTLETS }, (_, m) => {
    const hours: HourSample[] = [];
    for (let h = 24; h >= 1; h--) {
      const values: HourSample['values'] = {};
      CODES.forEach((c, j) => {
        const wobble = ((m * 31 + h * 7 + j * 13) % 17) / 17;
        const avg = m % 97 === 0 && j === 1 ? 123.4 : c === 'a19001' ? 9 + wobble : 20 + 30 * wobble;
        values[c] = { avg, zsAvg: avg, min: avg * 0.9, max: avg * 1.1, flag: 'N', valid: true };
      });
      hours.push({ hour: new Date(to - h * HOUR_MS), values });
    }
    return {
      monitorId: m + 1,
      outletKind: 'air',
      referenceO2: 9,
      flowCode: 'a00000',
      lastDataAt: new Date(to - (m % 211 === 0 ? 5 * HOUR_MS : 60_000)),
      hours,
      limits: { a34013: 30, a21026: 200, a21002: 200 },
    } satisfies MonitorWindow;
  });
}

/**
 * Every anomaly rule for 10,000 outlets: the rules alone over 24-hour windows already in memory,
 * and the sweep the server runs (read the last hours from PostgreSQL, evaluate, write alarms).
 */
export async function anomalyRulesBench() {
  const now = new Date();
  const ws = windows(now);
  // warm-up, then the median of five runs
  for (const w of ws.slice(0, 500)) evaluateAnomalies(w, now, DEFAULT_ANOMALY_RULES);
  const runs: number[] = [];
  let findings = 0;
  for (let r = 0; r < 5; r++) {
    const t0 = performance.now();
    findings = 0;
    for (const w of ws) findings += evaluateAnomalies(w, now, DEFAULT_ANOMALY_RULES).length;
    runs.push(performance.now() - t0);
  }
  runs.sort((a, b) => a - b);
  const pureMs = runs[2]!;

  // The server's sweep on PostgreSQL: 10,000 monitors with their last complete hour stored.
  process.env.DB_KIND = 'postgres';
  const database = await openTestDatabase();
  try {
    const db = database.db;
    await bootstrap(db, { ...loadConfig({}), demo: true }, (d) => seedDemoCity(d));
    const outlet = await db
      .selectFrom('outlet')
      .select('id')
      .where('kind', '=', 'air')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const existing = Number(
      (
        await db
          .selectFrom('monitor')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    await sql`
      insert into monitor (outlet_id, mn, password, last_seen_at)
      select ${outlet.id}, 'RULES' || lpad(g::text, 19, '0'), '123456', ${new Date(now.getTime() - 60_000)}
      from generate_series(1, ${OUTLETS - existing}::int) g`.execute(db);
    const hour = new Date(Math.floor(now.getTime() / HOUR_MS) * HOUR_MS - HOUR_MS);
    await sql`
      insert into hourly_value (monitor_id, pollutant, hour, avg, min, max, zs_avg, valid, received_count, valid_count,
        expected_count, flag, source, computed_at, judged_at)
      select m.id, p.code, ${hour}, 20 + (m.id % 17), 18, 24, 22 + (m.id % 17), true, 60, 60, 60, 'N', 'minutes', ${now}, ${now}
      from monitor m cross join unnest(${CODES}::text[]) as p(code)`.execute(db);
    const t0 = performance.now();
    const sweep = await sweepAnomalies(db, new LimitSource(), now, noEffects(), 1000);
    const sweepMs = performance.now() - t0;
    console.log(
      `anomaly rules: ${DEFAULT_ANOMALY_RULES.length} rules, ${OUTLETS.toLocaleString('en')} outlets`,
    );
    console.log(
      `  rules alone over 24-hour windows of 6 pollutants: ${pureMs.toFixed(0)} ms (median of 5), ${findings} findings (goal ≤ 1,000 ms)`,
    );
    console.log(
      `  the server's sweep on PostgreSQL (read the last hour of ${sweep.monitors.toLocaleString('en')} monitors, most on one bench outlet, evaluate, write): ${sweepMs.toFixed(0)} ms, ${sweep.findings} findings`,
    );
    return {
      pureMs: Math.round(pureMs),
      findings,
      sweepMonitors: sweep.monitors,
      sweepMs: Math.round(sweepMs),
    };
  } finally {
    await database.close();
  }
}
