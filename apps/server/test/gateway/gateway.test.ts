import { dataUpload, encode, encodeToString, executionResult, requestAnswer } from '@dabiao/hj212';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Gateway } from '../../src/monitoring/gateway/gateway';
import { buildTestApp, type TestApp } from '../support/test-app';
import { DB_KIND } from '../support/test-database';
import { TestUnit } from '../support/unit-client';

interface Unit {
  id: number;
  mn: string;
  pw: string;
}

describe(`HJ 212 gateway over TCP (${DB_KIND})`, () => {
  let t: TestApp;
  let gateway: Gateway;
  let port: number;
  let air: Unit;
  let water: Unit;
  const units: TestUnit[] = [];
  let minute = 0;

  const open = async () => {
    const u = await TestUnit.open(port);
    units.push(u);
    return u;
  };
  /** A distinct 10-minute DataTime per call so tests do not collide. */
  const nextTime = () => new Date(Date.UTC(2026, 10, 20, 0, 0) + 10 * 60_000 * minute++);
  const upload = (
    unit: Unit,
    time: Date,
    values: Record<string, Record<string, number | string>> = {
      a21026: { Avg: 35.5, Min: 30, Max: 40, ZsAvg: 41.2, Flag: 'N' },
    },
    qn?: string,
  ) => ({
    ...dataUpload({ st: '31', pw: unit.pw, mn: unit.mn }, '2051', time, values, qn ? { qn } : { now: time }),
    flag: 5,
  });
  const recordsOf = (unit: Unit) =>
    t.database.db.selectFrom('monitoring_record').selectAll().where('monitor_id', '=', unit.id).execute();
  const framesOf = (mn: string) =>
    t.database.db.selectFrom('raw_frame').selectAll().where('mn', '=', mn).orderBy('id').execute();

  beforeAll(async () => {
    t = await buildTestApp({ gateway: true });
    const pick = (kind: string) =>
      t.database.db
        .selectFrom('monitor')
        .innerJoin('outlet', 'outlet.id', 'monitor.outlet_id')
        .select(['monitor.id', 'monitor.mn', 'monitor.password as pw'])
        .where('outlet.kind', '=', kind)
        .where('monitor.active', '=', true)
        .orderBy('monitor.id')
        .executeTakeFirstOrThrow();
    air = await pick('air');
    water = await pick('water');
    gateway = t.gateway!;
    port = t.gatewayPort!;
  });
  afterAll(async () => {
    for (const u of units) u.close();
    await t?.close();
  });

  it('stores a minute upload with its values and flags and answers 9014 with its QN only after commit', async () => {
    const unit = await open();
    const time = nextTime();
    const packet = upload(air, time);
    unit.send(packet);
    const answer = await unit.answerTo(packet.qn!);
    // The answer came: the record must already be committed and readable.
    const rows = (await recordsOf(air)).filter((r) => r.data_time.getTime() === time.getTime());
    expect(rows).toHaveLength(1);
    expect(rows[0]!.kind).toBe('min');
    expect(rows[0]!.values).toEqual({ a21026: { Avg: 35.5, Min: 30, Max: 40, ZsAvg: 41.2, Flag: 'N' } });
    expect(answer).toMatchObject({ st: '91', cn: '9014', mn: air.mn });
    const frame = await t.database.db
      .selectFrom('raw_frame')
      .selectAll()
      .where('id', '=', rows[0]!.raw_frame_id)
      .executeTakeFirstOrThrow();
    expect(frame.verdict).toBe('stored');
    expect(Buffer.from(frame.bytes).toString('latin1')).toBe(encodeToString(packet));
    const tasks = await t.database.db
      .selectFrom('aggregation_task')
      .selectAll()
      .where('monitor_id', '=', air.id)
      .execute();
    expect(tasks.map((x) => x.hour.toISOString())).toContain(
      new Date(Math.floor(time.getTime() / 3_600_000) * 3_600_000).toISOString(),
    );
  });

  it('answers each of many packets only once it is readable in the database', async () => {
    const unit = await open();
    const packets = Array.from({ length: 40 }, () =>
      upload(water, nextTime(), { w01018: { Avg: 22.1, Flag: 'N' } }),
    );
    const checks: Promise<boolean>[] = [];
    for (const p of packets) {
      checks.push(
        unit.answerTo(p.qn!).then(async () => {
          const found = await t.database.db
            .selectFrom('monitoring_record')
            .select('monitor_id')
            .where('monitor_id', '=', water.id)
            .where('data_time', '=', p.cp!.dataTime as Date)
            .executeTakeFirst();
          return found !== undefined;
        }),
      );
    }
    // Several packets per write, and one packet split across writes.
    unit.send(Buffer.concat(packets.slice(0, 20).map((p) => Buffer.from(encode(p)))));
    const split = Buffer.concat(packets.slice(20).map((p) => Buffer.from(encode(p))));
    for (let i = 0; i < split.length; i += 333) unit.send(split.subarray(i, i + 333));
    expect(await Promise.all(checks)).toEqual(packets.map(() => true));
  });

  it('stores a re-sent packet once and still answers it', async () => {
    const unit = await open();
    const time = nextTime();
    const first = upload(air, time, { a21026: { Avg: 50, Flag: 'N' } }, '20261120080000001');
    const again = upload(air, time, { a21026: { Avg: 50, Flag: 'N' } }, '20261120081500002');
    unit.send(first);
    await unit.answerTo(first.qn!);
    unit.send(again);
    unit.send(again); // the same packet twice, as a unit that missed our answer does
    // Both copies are answered: each was durably there (stored before) when its answer left.
    await expect.poll(() => unit.received.filter((p) => p.qn === again.qn && p.cn === '9014').length).toBe(2);
    const rows = (await recordsOf(air)).filter((r) => r.data_time.getTime() === time.getTime());
    expect(rows).toHaveLength(1);
    await gateway.writer.drain();
    const verdicts = (await framesOf(air.mn)).filter((f) => f.qn === again.qn).map((f) => f.verdict);
    expect(verdicts).toEqual(['duplicate', 'duplicate']);
  });

  it('archives and refuses an unknown MN and a wrong password, storing no data', async () => {
    const unit = await open();
    const stranger = { id: -1, mn: 'UNKNOWN0000000000000001', pw: '123456' };
    const p1 = upload(stranger, nextTime());
    unit.send(p1);
    const refusal = await unit.answerTo(p1.qn!, '9011');
    expect(refusal.cp.params.QnRtn).toBe(4);
    const p2 = upload({ ...air, pw: 'wrong-password' }, nextTime());
    unit.send(p2);
    expect((await unit.answerTo(p2.qn!, '9011')).cp.params.QnRtn).toBe(3);
    await gateway.writer.drain();
    expect((await framesOf(stranger.mn)).map((f) => f.verdict)).toEqual(['unknown_mn']);
    const wrong = (await framesOf(air.mn)).filter((f) => f.qn === p2.qn);
    expect(wrong.map((f) => f.verdict)).toEqual(['bad_password']);
    const stored = (await recordsOf(air)).filter(
      (r) => r.data_time.getTime() === (p2.cp!.dataTime as Date).getTime(),
    );
    expect(stored).toHaveLength(0);
    expect(unit.received.some((p) => p.cn === '9014')).toBe(false);
  });

  it('archives a frame with a bad CRC with its error and keeps serving the connection', async () => {
    const unit = await open();
    const bad = encodeToString(upload(air, nextTime())).replace(/[0-9A-F]{4}\r\n$/, '0000\r\n');
    unit.send(bad);
    const good = upload(air, nextTime());
    unit.send(good);
    await unit.answerTo(good.qn!);
    await gateway.writer.drain();
    const malformed = (await framesOf(air.mn)).filter((f) => f.verdict === 'malformed');
    expect(malformed.map((f) => f.error_code)).toContain('CRC_MISMATCH');
  });

  it('takes a frame missing its CRLF after a pause, as tolerant mode allows', async () => {
    const unit = await open();
    const p = upload(air, nextTime());
    unit.send(encodeToString(p).replace(/\r\n$/, ''));
    await unit.answerTo(p.qn!);
    await gateway.writer.drain();
    const frame = (await framesOf(air.mn)).find((f) => f.qn === p.qn)!;
    expect(frame.tolerances).toContain('MISSING_CRLF');
  });

  it('closes a connection that sends only garbage while other units are served', async () => {
    const noisy = await open();
    const good = await open();
    const junk = Buffer.alloc(16 * 1024);
    for (let i = 0; i < 8; i++) {
      for (let k = 0; k < junk.length; k++) junk[k] = (k * 131 + i * 7) & 0xff;
      noisy.send(junk);
    }
    const p = upload(water, nextTime(), { w01018: { Avg: 10, Flag: 'N' } });
    good.send(p);
    await good.answerTo(p.qn!);
    expect(await noisy.closedWithin(5000)).toBe(true);
    expect(good.closed).toBe(false);
  });

  it('skips a 10 MB frame without holding it, then serves the unit normally', async () => {
    const unit = await open();
    const huge = Buffer.alloc(10 * 1024 * 1024, 0x41);
    huge.write('##9999QN=1;', 0, 'latin1');
    const p = upload(air, nextTime());
    unit.send(Buffer.concat([Buffer.from(encode(upload(air, nextTime())))])); // a good frame first
    unit.send(huge);
    // The oversized frame is skipped as garbage; the unit has sent a good frame, so it stays.
    unit.send(p);
    await unit.answerTo(p.qn!, '9014');
    await gateway.writer.drain();
    const skipped = (await framesOf(air.mn)).filter(
      (f) => f.error_code === 'TOO_LONG' || f.error_code === 'GARBAGE',
    );
    expect(skipped.length).toBeGreaterThan(0);
    expect(skipped.every((f) => f.bytes.length === 0)).toBe(true);
  });

  it('sends a time calibration command and follows the unit’s 9011 and 9012 answers', async () => {
    const unit = await open();
    const hello = upload(air, nextTime());
    unit.send(hello); // binds the connection to the monitor
    await unit.answerTo(hello.qn!);
    const row = await gateway.commands.send(air.id, { kind: 'setTime' }, null);
    expect(row.status).toBe('sent');
    const request = await unit.waitFor((p) => p.cn === '1012' && p.qn === row.qn);
    expect(typeof request.cp.params.SystemTime).toBe('string');
    const station = { pw: air.pw, mn: air.mn, qn: row.qn };
    unit.send(requestAnswer(station, 1));
    unit.send(executionResult(station, 1));
    await expect
      .poll(async () => {
        const r = await t.database.db
          .selectFrom('monitor_command')
          .selectAll()
          .where('id', '=', row.id)
          .executeTakeFirstOrThrow();
        return [r.status, r.qn_rtn, r.exe_rtn];
      })
      .toEqual(['succeeded', 1, 1]);
  });

  it('takes commands over HTTP from users in scope, with field errors and a 409 when offline', async () => {
    const unit = await open();
    const hello = upload(air, nextTime());
    unit.send(hello);
    await unit.answerTo(hello.qn!);
    const district = await t.database.db
      .selectFrom('monitor')
      .innerJoin('outlet', 'outlet.id', 'monitor.outlet_id')
      .innerJoin('enterprise', 'enterprise.id', 'outlet.enterprise_id')
      .select('enterprise.region_code')
      .where('monitor.id', '=', air.id)
      .executeTakeFirstOrThrow();
    const admin = await t.as('admin');
    expect(gateway.isConnected(air.id)).toBe(true);
    const created = await admin('POST', `/monitoring/monitors/${air.id}/commands`, {
      kind: 'setRtdInterval',
      seconds: 30,
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ cn: '1062', status: 'sent', params: { RtdInterval: 30 } });
    const sent = await unit.waitFor((p) => p.cn === '1062' && p.qn === created.json().qn);
    expect(sent.cp.params.RtdInterval).toBe(30);

    const missing = await admin('POST', `/monitoring/monitors/${air.id}/commands`, {
      kind: 'resend',
      cn: '2051',
    });
    expect(missing.statusCode).toBe(422);
    expect(missing.headers['content-type']).toContain('application/problem+json');
    expect(
      missing
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['/begin', '/end']);

    const silent = await t.database.db
      .selectFrom('monitor')
      .select('id')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    const offline = await admin('POST', `/monitoring/monitors/${silent.id}/commands`, { kind: 'setTime' });
    expect(offline.statusCode).toBe(409);

    // A district bureau elsewhere neither sees nor commands this unit; the list shows the command.
    const other = district.region_code === '430923' ? 'heshan' : 'nanxian';
    const foreign = await (await t.as(other))('POST', `/monitoring/monitors/${air.id}/commands`, {
      kind: 'setTime',
    });
    expect(foreign.statusCode).toBe(403);
    const listed = await admin('GET', `/monitoring/monitors/${air.id}/commands`);
    expect(listed.json().connected).toBe(true);
    expect(listed.json().items.map((c: { qn: string }) => c.qn)).toContain(created.json().qn);
    const enterpriseUser = await (await t.as('ent-1'))('POST', `/monitoring/monitors/${air.id}/commands`, {
      kind: 'setTime',
    });
    expect([403, 404]).toContain(enterpriseUser.statusCode);
  });

  it('refuses to command a unit that is not connected', async () => {
    await expect(gateway.commands.send(water.id + 1_000_000, { kind: 'setTime' }, null)).rejects.toThrow(
      /not connected/,
    );
  });

  it('serves a unit among 1,000 idle connections and drops the idle ones after the timeout', async () => {
    const quiet = new Gateway({
      database: t.database,
      port: 0,
      host: '127.0.0.1',
      limits: { idleTimeoutMs: 1500 },
    });
    const quietPort = await quiet.listen();
    const idle: TestUnit[] = [];
    for (let i = 0; i < 1000; i += 100)
      idle.push(...(await Promise.all(Array.from({ length: 100 }, () => TestUnit.open(quietPort)))));
    await expect.poll(() => quiet.connectionCount).toBe(1000);
    // A well-behaved unit among a thousand idle connections is served.
    const busy = await TestUnit.open(quietPort);
    const p = upload(air, nextTime());
    busy.send(p);
    await busy.answerTo(p.qn!);
    const closed = await Promise.all(idle.map((u) => u.closedWithin(10_000)));
    expect(closed.every(Boolean)).toBe(true);
    busy.close();
    await quiet.close();
  });

  it('purges raw frames past the retention period and keeps the rest', async () => {
    const { purgeRawFrames } = await import('../../src/monitoring/gateway/raw-retention');
    const now = new Date('2030-01-01T00:00:00Z');
    const old = new Date(now.getTime() - 40 * 86_400_000);
    await t.database.db
      .insertInto('raw_frame')
      .values(
        [1, 2, 3].map((k) => ({
          id: 9_000_000_000 + k,
          received_at: k === 3 ? now : old,
          peer: 'test',
          mn: 'RETENTION',
          monitor_id: null,
          cn: null,
          qn: null,
          verdict: 'malformed' as const,
          error_code: null,
          detail: null,
          tolerances: null,
          bytes: new Uint8Array([35, 35]),
        })),
      )
      .execute();
    const before = (await framesOf('RETENTION')).length;
    expect(before).toBe(3);
    const deleted = await purgeRawFrames(t.database.db, { now, retentionDays: 30, chunk: 1 });
    expect(deleted).toBeGreaterThanOrEqual(2);
    expect((await framesOf('RETENTION')).map((f) => f.id)).toEqual([9_000_000_003]);
    expect(await purgeRawFrames(t.database.db, { now, retentionDays: 0 })).toBe(0);
  });

  it('reassembles a record sent in sub-packets, stores it once and answers every part', async () => {
    const unit = await open();
    const time = nextTime();
    const qn = '20261120093000777';
    const part = (pno: number, values: Record<string, Record<string, number | string>>) => ({
      ...dataUpload({ st: '31', pw: air.pw, mn: air.mn }, '2051', time, values, { qn }),
      flag: { answerRequired: true, subpacket: true },
      pnum: 2,
      pno,
    });
    unit.send(part(2, { a21002: { Avg: 80, Flag: 'N' } })); // out of order
    unit.send(part(1, { a21026: { Avg: 20, Flag: 'N' } }));
    await expect.poll(() => unit.received.filter((p) => p.qn === qn && p.cn === '9014').length).toBe(2);
    const rows = (await recordsOf(air)).filter((r) => r.data_time.getTime() === time.getTime());
    expect(rows).toHaveLength(1);
    expect(rows[0]!.values).toEqual({ a21026: { Avg: 20, Flag: 'N' }, a21002: { Avg: 80, Flag: 'N' } });
    await gateway.writer.drain();
    expect((await framesOf(air.mn)).filter((f) => f.qn === qn).map((f) => f.verdict)).toEqual([
      'stored',
      'stored',
    ]);
  });

  it('pushes committed records of an outlet to a live screen (server-sent events), in scope only', async () => {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${(t.app.server.address() as { port: number }).port}/api/v1`;
    const { outlet_id: outletId, region_code: region } = await t.database.db
      .selectFrom('monitor')
      .innerJoin('outlet', 'outlet.id', 'monitor.outlet_id')
      .innerJoin('enterprise', 'enterprise.id', 'outlet.enterprise_id')
      .select(['monitor.outlet_id', 'enterprise.region_code'])
      .where('monitor.id', '=', air.id)
      .executeTakeFirstOrThrow();
    const other = region === '430923' ? 'heshan' : 'nanxian';
    const foreign = await fetch(`${base}/monitoring/outlets/${outletId}/live`, {
      headers: { authorization: `Bearer ${await t.token(other)}` },
    });
    expect(foreign.status).toBe(403);

    const controller = new AbortController();
    const res = await fetch(`${base}/monitoring/outlets/${outletId}/live`, {
      headers: { authorization: `Bearer ${await t.token('admin')}` },
      signal: controller.signal,
    });
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const reader = res.body!.getReader();
    let text = '';
    const readUntil = async (needle: string) => {
      while (!text.includes(needle)) {
        const { value, done } = await reader.read();
        if (done) throw new Error(`stream ended before ${needle}`);
        text += new TextDecoder().decode(value);
      }
    };
    await readUntil('event: ready');
    const unit = await open();
    const p = upload(air, nextTime(), { a21026: { Avg: 77.5, Flag: 'N' } });
    unit.send(p);
    await readUntil('event: record');
    await readUntil('\n\n');
    const data = JSON.parse(text.split('event: record\ndata: ')[1]!.split('\n')[0]!);
    expect(data).toMatchObject({
      monitorId: air.id,
      kind: 'min',
      values: { a21026: { Avg: 77.5, Flag: 'N' } },
    });
    expect(new Date(data.dataTime).getTime()).toBe((p.cp!.dataTime as Date).getTime());
    expect(data.dataTime).toMatch(/\+08:00$/);
    controller.abort();
    await expect.poll(() => gateway.live.listenerCount).toBe(0);
  });
});
