import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dataUpload, encode, Framer } from '@dabiao/hj212';
import { sql } from 'kysely';
import { seedDemoCity } from '../../apps/server/src/demo/seed-city';
import { bootstrap } from '../../apps/server/src/platform/bootstrap/bootstrap';
import { loadConfig } from '../../apps/server/src/platform/config';
import { type Database, openDatabase } from '../../apps/server/src/platform/db/database';
import { startServerProcess } from '../../apps/server/test/support/server-process';
import { openTestDatabase } from '../../apps/server/test/support/test-database';
import { percentile } from './util';

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 5000);
const POLLUTANTS = [
  'a34013',
  'a21026',
  'a21002',
  'a19001',
  'a01012',
  'a01011',
  'a00000',
  'a01013',
  'a01014',
  'a21005',
];

interface Station {
  st: string;
  mn: string;
  pw: string;
}

/** The demo city plus enough bench monitors for one connection each. */
async function prepare(database: Database, n: number): Promise<Station[]> {
  await bootstrap(database.db, { ...loadConfig({}), demo: true }, (db) => seedDemoCity(db));
  const outlet = await database.db
    .selectFrom('outlet')
    .select('id')
    .where('kind', '=', 'air')
    .orderBy('id')
    .executeTakeFirstOrThrow();
  await sql`
    insert into monitor (outlet_id, mn, password)
    select ${outlet.id}, 'BENCH' || lpad(g::text, 19, '0'), '123456' from generate_series(1, ${n}::int) g`.execute(
    database.db,
  );
  return Array.from({ length: n }, (_, i) => ({
    st: '31',
    mn: `BENCH${String(i + 1).padStart(19, '0')}`,
    pw: '123456',
  }));
}

const values = (k: number) =>
  Object.fromEntries(
    POLLUTANTS.map((code, j) => [
      code,
      j < 3
        ? { Avg: 10 + ((k + j) % 50) + 0.25, Min: 8.5, Max: 70.75, ZsAvg: 12.5, Cou: 0.0125, Flag: 'N' }
        : { Avg: 10 + ((k + j) % 50) + 0.25, Min: 8.5, Max: 70.75, Flag: 'N' },
    ]),
  );

/** One unit's connection: sends minute packets, matches 9014 answers by QN, records latency. */
class Unit {
  private readonly framer = new Framer();
  private readonly sentAt = new Map<string, number>();
  private k = 0;
  answered = 0;
  socket!: Socket;
  constructor(
    private readonly station: Station,
    private readonly index: number,
    private readonly onAnswer: (latencyMs: number) => void,
  ) {}

  open(port: number): Promise<void> {
    return new Promise((resolve, reject) => {
      this.socket = connect({ port, host: '127.0.0.1' }, () => resolve());
      this.socket.once('error', reject);
      this.socket.on('data', (chunk) => {
        for (const ev of this.framer.push(chunk)) {
          if (ev.type !== 'frame') continue;
          // Answers are short and fixed-form: read the QN without a full decode.
          const text = Buffer.from(ev.bytes).toString('latin1');
          const qn = /QN=(\d+)/.exec(text)?.[1];
          const t0 = qn ? this.sentAt.get(qn) : undefined;
          if (qn && t0 !== undefined) {
            this.sentAt.delete(qn);
            this.answered++;
            this.onAnswer(performance.now() - t0);
          }
        }
      });
    });
  }

  send(): void {
    const k = this.k++;
    const time = new Date(Date.UTC(2026, 0, 1) + k * 60_000);
    const qn = `2026${String(this.index).padStart(6, '0')}${String(k).padStart(7, '0')}`;
    const packet = { ...dataUpload(this.station, '2051', time, values(k), { qn }), flag: 5 };
    this.sentAt.set(qn, performance.now());
    this.socket.write(encode(packet));
  }

  get inFlight(): number {
    return this.sentAt.size;
  }
}

function peakRssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
}

async function openUnits(stations: Station[], port: number, onAnswer: (ms: number) => void): Promise<Unit[]> {
  const units = stations.map((s, i) => new Unit(s, i, onAnswer));
  for (let i = 0; i < units.length; i += 200)
    await Promise.all(units.slice(i, i + 200).map((u) => u.open(port)));
  return units;
}

/** Closed loop: each connection keeps `window` packets unanswered; the rate is what the server sustains. */
async function sustained(units: Unit[], seconds: number, window: number): Promise<number> {
  let answered = 0;
  let counting = false;
  let stop = false;
  const top = () => {
    if (stop) return;
    for (const u of units) while (u.inFlight < window) u.send();
  };
  const timer = setInterval(top, 5);
  top();
  await new Promise((r) => setTimeout(r, 4000)); // warm-up
  const before = units.reduce((s, u) => s + u.answered, 0);
  counting = true;
  const t0 = performance.now();
  await new Promise((r) => setTimeout(r, seconds * 1000));
  answered = units.reduce((s, u) => s + u.answered, 0) - before;
  const elapsed = (performance.now() - t0) / 1000;
  stop = true;
  clearInterval(timer);
  void counting;
  // let the in-flight packets finish before the next phase
  const deadline = Date.now() + 30_000;
  while (units.some((u) => u.inFlight > 0) && Date.now() < deadline)
    await new Promise((r) => setTimeout(r, 50));
  return answered / elapsed;
}

/** Open loop at a fixed offered rate: answer latency percentiles. */
async function latencyAt(
  units: Unit[],
  ratePerSec: number,
  seconds: number,
  latencies: number[],
): Promise<void> {
  const tickMs = 20;
  const perTick = (ratePerSec * tickMs) / 1000;
  let carry = 0;
  let next = 0;
  const t0 = performance.now();
  await new Promise<void>((resolve) => {
    const timer = setInterval(() => {
      carry += perTick;
      while (carry >= 1) {
        units[next++ % units.length]!.send();
        carry -= 1;
      }
      if (performance.now() - t0 > seconds * 1000) {
        clearInterval(timer);
        resolve();
      }
    }, tickMs);
  });
  const deadline = Date.now() + 30_000;
  while (units.some((u) => u.inFlight > 0) && Date.now() < deadline)
    await new Promise((r) => setTimeout(r, 50));
  void latencies;
}

/**
 * Bad input while 500 good units send 1,000 packets/s: a unit that floods uploads and never reads
 * its answers, a connection sending random bytes, a 10 MB frame. The good units' latency, whether
 * the abusers were cut off, and the server's memory tell whether the gateway stayed bounded.
 */
async function abuse(port: number, good: Unit[], latencies: number[], serverPid: number) {
  const rssBefore = peakRssMb(serverPid);
  const opened = (s: Socket) => new Promise<void>((r) => s.once('connect', () => r()));
  const closed = (s: Socket) => new Promise<void>((r) => s.once('close', () => r()));
  // 1. never reads: 100,000 uploads, no reading at all
  const deaf = connect({ port, host: '127.0.0.1' });
  deaf.on('error', () => undefined);
  await opened(deaf);
  deaf.pause();
  const deafClosed = closed(deaf);
  let deafSent = 0;
  const station = { st: '31', mn: 'BENCH0000000000000000001', pw: '123456' };
  const flood = (async () => {
    for (let k = 0; k < 100_000 && !deaf.destroyed; k++) {
      const p = {
        ...dataUpload(
          station,
          '2051',
          new Date(Date.UTC(2027, 0, 1) + k * 60_000),
          { a21026: { Avg: 1, Flag: 'N' } },
          { qn: `2027${String(k).padStart(13, '0')}` },
        ),
        flag: 5,
      };
      if (!deaf.write(encode(p))) await new Promise((r) => setTimeout(r, 1));
      deafSent++;
    }
  })();
  // 2. random bytes, 3. a 10 MB frame
  const noise = connect({ port, host: '127.0.0.1' });
  noise.on('error', () => undefined);
  await opened(noise);
  const noiseClosed = closed(noise);
  const junk = Buffer.alloc(1024 * 1024);
  for (let i = 0; i < junk.length; i++) junk[i] = (i * 2654435761) >>> 24;
  for (let i = 0; i < 20 && !noise.destroyed; i++) noise.write(junk);
  const big = connect({ port, host: '127.0.0.1' });
  big.on('error', () => undefined);
  await opened(big);
  const bigFrame = Buffer.alloc(10 * 1024 * 1024, 0x41);
  bigFrame.write('##9999QN=', 0, 'latin1');
  big.write(bigFrame);
  latencies.length = 0;
  await latencyAt(good, 1000, 10, latencies);
  const within = (p: Promise<void>, ms: number) =>
    Promise.race([p.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), ms))]);
  const result = {
    deafClosed: await within(deafClosed, 30_000),
    deafPacketsSent: deafSent,
    noiseClosed: await within(noiseClosed, 5000),
    goodP99Ms: Number(
      percentile(
        latencies.sort((a, b) => a - b),
        99,
      ).toFixed(1),
    ),
    rssBeforeMb: rssBefore,
    rssAfterMb: peakRssMb(serverPid),
  };
  for (const s of [deaf, noise, big]) s.destroy();
  await flood;
  return result;
}

export async function gatewayBench(kind: 'postgres' | 'pglite') {
  process.env.DB_KIND = kind;
  let env: Record<string, string>;
  let cleanup: () => Promise<void>;
  let stations: Station[];
  if (kind === 'postgres') {
    const database = await openTestDatabase();
    stations = await prepare(database, CONNECTIONS);
    const { rows } = await sql<{ n: string }>`select current_database() as n`.execute(database.db);
    env = { DATABASE_URL: `postgres://postgres@127.0.0.1:5432/${rows[0]!.n}` };
    cleanup = () => database.close();
  } else {
    const dir = mkdtempSync(join(tmpdir(), 'dabiao-bench-gw-'));
    const database = await openDatabase({ dataDir: dir });
    stations = await prepare(database, CONNECTIONS);
    await database.close();
    env = { DATA_DIR: dir };
    cleanup = async () => rmSync(dir, { recursive: true, force: true });
  }
  const server = await startServerProcess({ ...env, AGGREGATOR: '0' });
  try {
    let latencies: number[] = [];
    const units = await openUnits(stations, server.hj212Port, (ms) => latencies.push(ms));
    const rate = await sustained(units, 10, kind === 'postgres' ? 4 : 2);
    latencies = [];
    const offered = kind === 'postgres' ? 5000 : Math.min(5000, Math.floor(rate * 0.8));
    await latencyAt(units, offered, 10, latencies);
    latencies.sort((a, b) => a - b);
    if (latencies.length === 0) throw new Error('no answers in the latency phase');
    const p50 = percentile(latencies, 50);
    const p99 = percentile(latencies, 99);
    const peak = peakRssMb(server.child.pid!);
    const bad =
      kind === 'postgres'
        ? await abuse(server.hj212Port, units.slice(0, 500), latencies, server.child.pid!)
        : null;
    for (const u of units) u.socket.destroy();
    const goal = kind === 'postgres' ? 10_000 : 2_000;
    console.log(
      `gateway (${kind}): ${units.length} connections, 10-pollutant minute packets (${encode({ ...dataUpload(stations[0]!, '2051', new Date(), values(0)), flag: 5 }).length} bytes), answers after commit`,
    );
    console.log(
      `  sustained: ${Math.round(rate).toLocaleString('en')} packets/s (goal ≥ ${goal.toLocaleString('en')})`,
    );
    console.log(
      `  answer latency at ${offered.toLocaleString('en')} packets/s: p50 ${p50.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms (goal p99 ≤ 200 ms at 5,000/s)`,
    );
    console.log(`  server peak RSS: ${peak} MB`);
    if (bad)
      console.log(
        `  bad input (a unit flooding without reading, 20 MB of random bytes, a 10 MB frame) beside 500 good units at 1,000/s: never-reading unit cut off ${bad.deafClosed} after ${bad.deafPacketsSent} packets, random-bytes connection closed ${bad.noiseClosed}, good units p99 ${bad.goodP99Ms} ms, peak RSS ${bad.rssBeforeMb} → ${bad.rssAfterMb} MB`,
      );
    return {
      packetsPerSec: Math.round(rate),
      latencyRate: offered,
      p50Ms: Number(p50.toFixed(1)),
      p99Ms: Number(p99.toFixed(1)),
      peakRssMb: peak,
      ...(bad ? { badInput: bad } : {}),
    };
  } finally {
    await server.kill('SIGTERM');
    await cleanup();
  }
}
