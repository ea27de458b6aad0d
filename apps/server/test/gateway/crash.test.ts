import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dataUpload, encode, type PacketInput } from '@dabiao/hj212';
import { afterAll, describe, expect, it } from 'vitest';
import { generateDemoCity } from '../../src/demo/generate-city';
import { openDatabase } from '../../src/platform/db/database';
import { startServerProcess } from '../support/server-process';
import { DB_KIND, openTestDatabase } from '../support/test-database';
import { TestUnit } from '../support/unit-client';

/**
 * The durability promise of the gateway: a 9014 answer means the data are committed. A flood of
 * uploads, the server killed with SIGKILL mid-flood, restarted: every answered packet is in the
 * database exactly once, and the units' re-sends after the restart add nothing twice.
 */
describe(`gateway crash safety (${DB_KIND})`, () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterAll(async () => {
    for (const c of cleanups.reverse()) await c();
  });

  it('keeps every answered packet exactly once across a SIGKILL', async () => {
    // Where the server keeps its data: a fresh database on the server, or a fresh data folder.
    let env: Record<string, string>;
    let openAfter: () => ReturnType<typeof openDatabase>;
    if (DB_KIND === 'postgres') {
      // A fresh database; the server process migrates and seeds it.
      const fresh = await openTestDatabase();
      cleanups.push(() => fresh.close());
      const name = await fresh.db
        .selectNoFrom((eb) => eb.fn<string>('current_database', []).as('n'))
        .executeTakeFirstOrThrow();
      env = { DATABASE_URL: `postgres://postgres@127.0.0.1:5432/${name.n}` };
      openAfter = async () => fresh;
    } else {
      const dir = mkdtempSync(join(tmpdir(), 'dabiao-crash-'));
      cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
      env = { DATA_DIR: dir };
      openAfter = () => openDatabase({ dataDir: dir });
    }
    env.AGGREGATOR = '0';

    const city = generateDemoCity();
    const stations = city.monitors.slice(0, 20).map((m) => ({ st: '31', mn: m.mn, pw: m.password }));
    const packetsOf = (unitIndex: number, count: number): PacketInput[] =>
      Array.from({ length: count }, (_, k) => {
        const time = new Date(Date.UTC(2026, 9, 1) + k * 60_000);
        const qn = `202610${String(unitIndex).padStart(2, '0')}${String(k).padStart(9, '0')}`;
        return {
          ...dataUpload(stations[unitIndex]!, '2051', time, { a21026: { Avg: k % 97, Flag: 'N' } }, { qn }),
          flag: 5,
        };
      });
    const PER_UNIT = 2000;
    const all = stations.map((_, i) => packetsOf(i, PER_UNIT));

    let server = await startServerProcess(env);
    const answered = new Set<string>(); // "unit|qn"
    const units = await Promise.all(stations.map(() => TestUnit.open(server.hj212Port)));
    units.forEach((u, i) => {
      u.socket.on('data', () => {
        for (const p of u.received.splice(0)) if (p.cn === '9014' && p.qn) answered.add(`${i}|${p.qn}`);
      });
      // The flood: everything at once, in chunks, without waiting for answers.
      const bytes = Buffer.concat(all[i]!.map((p) => Buffer.from(encode(p))));
      for (let off = 0; off < bytes.length; off += 64 * 1024)
        u.socket.write(bytes.subarray(off, off + 64 * 1024));
    });
    // Kill mid-flood: once some but not all packets are answered.
    const total = stations.length * PER_UNIT;
    const deadline = Date.now() + 60_000;
    while (answered.size < Math.min(2000, total / 4) && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 5));
    await server.kill('SIGKILL');
    const answeredAtKill = new Set(answered);
    for (const u of units) u.close();
    expect(answeredAtKill.size).toBeGreaterThan(0);
    expect(answeredAtKill.size).toBeLessThan(total);

    // Restart on the same data and re-send everything, as units do with unanswered packets.
    server = await startServerProcess(env);
    const again = await Promise.all(stations.map(() => TestUnit.open(server.hj212Port)));
    await Promise.all(
      again.map(async (u, i) => {
        const packets = all[i]!.slice(0, 200);
        u.socket.write(Buffer.concat(packets.map((p) => Buffer.from(encode(p)))));
        await u.answerTo(packets[packets.length - 1]!.qn!, '9014');
      }),
    );
    for (const u of again) u.close();
    await server.kill('SIGTERM');

    const database = await openAfter();
    if (DB_KIND === 'pglite') cleanups.push(() => database.close());
    const rows = await database.db
      .selectFrom('monitoring_record')
      .innerJoin('monitor', 'monitor.id', 'monitoring_record.monitor_id')
      .innerJoin('raw_frame', 'raw_frame.id', 'monitoring_record.raw_frame_id')
      .select(['monitor.mn', 'raw_frame.qn'])
      .where('monitoring_record.kind', '=', 'min')
      // This test's packets only (the demo city also has its own alarm history on some monitors).
      .where('monitoring_record.data_time', '>=', new Date(Date.UTC(2026, 9, 1)))
      .where('monitoring_record.data_time', '<', new Date(Date.UTC(2026, 9, 1) + PER_UNIT * 60_000))
      .execute();
    const stored = new Map<string, number>();
    for (const r of rows) {
      const key = `${stations.findIndex((s) => s.mn === r.mn)}|${r.qn}`;
      stored.set(key, (stored.get(key) ?? 0) + 1);
    }
    const lost = [...answeredAtKill].filter((k) => !stored.has(k));
    expect(lost).toEqual([]);
    expect([...stored.values()].every((n) => n === 1)).toBe(true);
    // Each (monitor, time) once, whichever copy was stored first.
    const perUnitTime = await database.db
      .selectFrom('monitoring_record')
      .select(({ fn }) => [fn.countAll<number>().as('n')])
      .groupBy(['monitor_id', 'kind', 'data_time'])
      .having(({ fn }) => fn.countAll(), '>', 1)
      .execute();
    expect(perUnitTime).toEqual([]);
  });
});
