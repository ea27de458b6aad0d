import { mkdtempSync, rmSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dataUpload, encode } from '@dabiao/hj212';
import { sql } from 'kysely';
import { seedDemoCity } from '../../apps/server/src/demo/seed-city';
import { bootstrap } from '../../apps/server/src/platform/bootstrap/bootstrap';
import { loadConfig } from '../../apps/server/src/platform/config';
import { type Database, openDatabase } from '../../apps/server/src/platform/db/database';
import { clearPermitLimits } from '../../apps/server/test/alarms/alarm-fixtures';
import { startServerProcess } from '../../apps/server/test/support/server-process';
import { openTestDatabase } from '../../apps/server/test/support/test-database';
import { percentile } from './util';

const BACKGROUND = Number(process.env.BENCH_CONNECTIONS ?? 5000);
const PROBES = 100;
const RATE = 5000;
const HOUR_MS = 3_600_000;

/**
 * The demo city, BACKGROUND monitors that send minute data of the current hour (not judged until
 * it ends, as with real units), and PROBES monitors on a new GB 13271 coal-boiler stack whose
 * closed hours (2061) exceed the limit: each probe must become a sheet in the district's inbox.
 */
async function prepare(database: Database) {
  const db = database.db;
  await bootstrap(db, { ...loadConfig({}), demo: true }, (d) => seedDemoCity(d));
  const ent = await db
    .selectFrom('enterprise')
    .innerJoin('app_user', 'app_user.region_code', 'enterprise.region_code')
    .select(['enterprise.id', 'enterprise.region_code', 'app_user.username'])
    .where('app_user.role', '=', 'district')
    .orderBy('enterprise.id')
    .executeTakeFirstOrThrow();
  const { id: outletId } = await db
    .insertInto('outlet')
    .values({
      enterprise_id: ent.id,
      kind: 'air',
      code: 'DA099',
      name: '基准测试锅炉排气筒',
      stack_height_m: 45,
      stack_diameter_m: 1.2,
      flue_temperature_c: 120,
      reference_o2: 9,
      lng: null,
      lat: null,
      pollutants: ['a21026', 'a19001'],
      profile: 'coal_boiler',
      standard_category: 'industrial-coal-boiler',
      source_age: 'new',
      created_at: new Date(),
      updated_at: new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await clearPermitLimits(db, ent.id);
  await sql`
    insert into monitor (outlet_id, mn, password)
    select ${outletId}, 'ALARM' || lpad(g::text, 19, '0'), '123456' from generate_series(1, ${BACKGROUND + PROBES}::int) g`.execute(
    db,
  );
  const stations = Array.from({ length: BACKGROUND + PROBES }, (_, i) => ({
    st: '31',
    mn: `ALARM${String(i + 1).padStart(19, '0')}`,
    pw: '123456',
  }));
  return {
    background: stations.slice(0, BACKGROUND),
    probes: stations.slice(BACKGROUND),
    districtUser: ent.username,
  };
}

function open(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const s = connect({ port, host: '127.0.0.1' }, () => resolve(s));
    s.once('error', reject);
    s.on('data', () => undefined); // answers are not needed here
  });
}

/** The district user's inbox stream: arrival time of each sheet notification, by sheet id. */
async function inboxArrivals(base: string, token: string, arrivals: Map<number, number>) {
  const ctrl = new AbortController();
  const res = await fetch(`${base}/api/v1/inbox/stream`, {
    headers: { authorization: `Bearer ${token}` },
    signal: ctrl.signal,
  });
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  const done = (async () => {
    try {
      for (;;) {
        const { value, done: end } = await reader.read();
        if (end) return;
        buffer += decoder.decode(value, { stream: true });
        let i = buffer.indexOf('\n\n');
        while (i >= 0) {
          const block = buffer.slice(0, i);
          buffer = buffer.slice(i + 2);
          const data = /^data: (.+)$/m.exec(block)?.[1];
          if (block.includes('event: notification') && data) {
            const n = JSON.parse(data) as { sheetId: number; kind: string };
            if (n.kind === 'sheet_dispatched') arrivals.set(n.sheetId, performance.now());
          }
          i = buffer.indexOf('\n\n');
        }
      }
    } catch {
      // aborted
    }
  })();
  return { stop: () => ctrl.abort(), done };
}

/** Alarm latency: from a closed exceeding hour's arrival to its sheet in the district's inbox. */
export async function alarmLatencyBench(kind: 'postgres' | 'pglite') {
  process.env.DB_KIND = kind;
  let env: Record<string, string>;
  let cleanup: () => Promise<void>;
  let prepared: Awaited<ReturnType<typeof prepare>>;
  let serverDb: Database | undefined;
  if (kind === 'postgres') {
    const database = await openTestDatabase();
    serverDb = database;
    prepared = await prepare(database);
    const { rows } = await sql<{ n: string }>`select current_database() as n`.execute(database.db);
    env = { DATABASE_URL: `postgres://postgres@127.0.0.1:5432/${rows[0]!.n}` };
    cleanup = () => database.close();
  } else {
    const dir = mkdtempSync(join(tmpdir(), 'dabiao-bench-alarm-'));
    const database = await openDatabase({ dataDir: dir });
    prepared = await prepare(database);
    await database.close();
    env = { DATA_DIR: dir };
    cleanup = async () => rmSync(dir, { recursive: true, force: true });
  }
  const server = await startServerProcess({ ...env, AGGREGATOR_INTERVAL_MS: '1000' });
  const base = `http://127.0.0.1:${server.httpPort}`;
  try {
    const login = await fetch(`${base}/api/v1/auth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: prepared.districtUser, password: 'dabiao-demo' }),
    });
    const { token } = (await login.json()) as { token: string };
    const arrivals = new Map<number, number>();
    const inbox = await inboxArrivals(base, token, arrivals);

    const sockets: Socket[] = [];
    for (let i = 0; i < prepared.background.length; i += 200)
      sockets.push(
        ...(await Promise.all(prepared.background.slice(i, i + 200).map(() => open(server.hj212Port)))),
      );
    const probeSockets = await Promise.all(prepared.probes.map(() => open(server.hj212Port)));

    // Background, as real units: real-time data (2011) every second, and each minute's record (2051)
    // once, when the minute turns — RATE packets/s in all, mostly real-time.
    const lastMinute = new Array<number>(sockets.length).fill(-1);
    let next = 0;
    let carry = 0;
    let sentBackground = 0;
    const sentAt = new Map<string, number>();
    const t0 = performance.now();
    const seconds = 30;
    const probeHour = new Date(Math.floor(Date.now() / HOUR_MS) * HOUR_MS - 2 * HOUR_MS);
    let probe = 0;
    await new Promise<void>((resolve) => {
      const timer = setInterval(() => {
        carry += (RATE * 20) / 1000;
        const nowMs = Date.now();
        const minute = Math.floor(nowMs / 60_000);
        while (carry >= 1) {
          const i = next++ % sockets.length;
          const st = prepared.background[i]!;
          const values = { a21026: { Avg: 20 + (i % 30), Flag: 'N' }, a19001: { Avg: 9.5, Flag: 'N' } };
          if (lastMinute[i] !== minute) {
            lastMinute[i] = minute;
            sockets[i]!.write(encode(dataUpload(st, '2051', new Date((minute - 1) * 60_000), values)));
          } else {
            const rtd = { a21026: { Rtd: 20 + (i % 30), Flag: 'N' }, a19001: { Rtd: 9.5, Flag: 'N' } };
            sockets[i]!.write(encode(dataUpload(st, '2011', new Date(Math.floor(nowMs / 1000) * 1000), rtd)));
          }
          sentBackground++;
          carry -= 1;
        }
        const elapsed = performance.now() - t0;
        // Probes between 5 s and 25 s: one every 200 ms.
        if (elapsed > 5000 && probe < PROBES && elapsed > 5000 + probe * 200) {
          const st = prepared.probes[probe]!;
          probeSockets[probe]!.write(
            encode(
              dataUpload(st, '2061', probeHour, {
                a21026: { Avg: 600, Flag: 'N' },
                a19001: { Avg: 9, Flag: 'N' },
              }),
            ),
          );
          sentAt.set(st.mn, performance.now());
          probe++;
        }
        if (elapsed > seconds * 1000) {
          clearInterval(timer);
          resolve();
        }
      }, 20);
    });
    const offered = sentBackground / ((performance.now() - t0) / 1000);
    const deadline = Date.now() + 60_000;
    while (arrivals.size < PROBES && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    inbox.stop();
    for (const s of [...sockets, ...probeSockets]) s.destroy();

    const list = (await (
      await fetch(`${base}/api/v1/alarms?kind=exceedance&pageSize=200`, {
        headers: { authorization: `Bearer ${token}` },
      })
    ).json()) as { items: { sheet: { id: number } | null; monitor: { mn: string } }[] };
    const latencies: number[] = [];
    for (const a of list.items) {
      const sent = sentAt.get(a.monitor.mn);
      const got = a.sheet ? arrivals.get(a.sheet.id) : undefined;
      if (sent !== undefined && got !== undefined) latencies.push(got - sent);
    }
    latencies.sort((a, b) => a - b);
    // Where the time went (server clocks): arrival → hour computed → sheet dispatched.
    let stages: Record<string, number> | undefined;
    if (serverDb) {
      const { rows } = await sql<{ agg: number; engine: number }>`
        select extract(epoch from (h.computed_at - f.received_at)) * 1000 as agg,
               extract(epoch from (a.detected_at - h.computed_at)) * 1000 as engine
        from raw_frame f
        join hourly_value h on h.monitor_id = f.monitor_id and h.pollutant = 'a21026'
        join alarm a on a.monitor_id = f.monitor_id
        where f.cn = '2061'`.execute(serverDb.db);
      const p = (xs: number[], q: number) =>
        percentile(
          xs.sort((a, b) => a - b),
          q,
        );
      const agg = rows.map((r) => Number(r.agg));
      const eng = rows.map((r) => Number(r.engine));
      if (rows.length)
        stages = { aggP50: p(agg, 50), aggP99: p(agg, 99), engineP50: p(eng, 50), engineP99: p(eng, 99) };
      console.log(`  stages (${rows.length} probes): ${JSON.stringify(stages)}`);
    }
    if (latencies.length < PROBES) console.log(server.output().split('\n').slice(-20).join('\n'));
    const p50 = latencies.length ? percentile(latencies, 50) : Number.NaN;
    const p99 = latencies.length ? percentile(latencies, 99) : Number.NaN;
    console.log(
      `alarm latency (${kind}): ${prepared.background.length} units sending real-time and minute data at ${Math.round(offered).toLocaleString('en')} packets/s; ${PROBES} exceeding closed hours (2061) sent over 20 s`,
    );
    console.log(
      `  packet arrival → sheet in the district's inbox: ${latencies.length}/${PROBES} arrived, p50 ${p50.toFixed(0)} ms, p99 ${p99.toFixed(0)} ms (goal p99 ≤ 2,000 ms at 5,000 packets/s)`,
    );
    return {
      offeredPacketsPerSec: Math.round(offered),
      probes: PROBES,
      arrived: latencies.length,
      p50Ms: Math.round(p50),
      p99Ms: Math.round(p99),
    };
  } finally {
    await server.kill('SIGTERM');
    await cleanup();
  }
}
