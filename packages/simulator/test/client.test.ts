import {
  formatLocalTime,
  getMinInterval,
  getTime,
  type Packet,
  requestHistory,
  setMinInterval,
  setTime,
} from '@dabiao/hj212';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createUnitGenerator, UnitClient, type UnitClientOptions } from '../src/index.js';
import { FakeGateway, waitFor } from './fake-gateway.js';
import { AIR_UNIT, DAY0, HOUR, MIN } from './units.js';

const gen = createUnitGenerator({ unit: AIR_UNIT, seed: 1 });
const minute = (k: number) => gen.minute(DAY0 + k * 10 * MIN)!;

let gw: FakeGateway;
const clients: UnitClient[] = [];

function client(opts: Partial<UnitClientOptions> = {}): UnitClient {
  const c = new UnitClient({
    host: '127.0.0.1',
    port: gw.port,
    unit: AIR_UNIT,
    answerTimeoutMs: 1000,
    reconnectDelayMs: 30,
    ...opts,
  });
  clients.push(c);
  c.start();
  return c;
}

/** The packets with a CN after index `from`. */
const of = (cn: string, from = 0): Packet[] => gw.packets.slice(from).filter((p) => p.cn === cn);

beforeEach(async () => {
  gw = await FakeGateway.start();
});

afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.stop()));
  await gw.close();
  expect(gw.bad).toEqual([]);
});

describe('unit client', () => {
  it('uploads with Flag=5, one QN each, and counts the 9014 answers', async () => {
    const c = client();
    for (let k = 0; k < 3; k++) c.send(minute(k));
    await waitFor(() => c.stats.answered === 3, 5000, '3 answers');
    const ups = gw.uploads('2051');
    expect(ups).toHaveLength(3);
    expect(new Set(ups.map((p) => p.qn)).size).toBe(3);
    for (const p of ups) expect(p.flag.raw).toBe(5);
    expect(ups.map((p) => p.cp.dataTimeText)).toEqual(['20250602000000', '20250602001000', '20250602002000']);
    expect(c.stats).toMatchObject({ sent: 3, answered: 3, retries: 0, failures: 0 });
    expect(c.pending).toBe(0);
  });

  it('retries the same packet when no answer comes in time', async () => {
    gw.answer = (_p, seen) => seen >= 3; // answer the third copy
    const c = client({ answerTimeoutMs: 300 });
    c.send(minute(0));
    await waitFor(() => c.stats.answered === 1, 5000, 'the answer');
    const ups = gw.uploads('2051');
    expect(ups).toHaveLength(3);
    expect(new Set(ups.map((p) => p.qn)).size).toBe(1);
    expect(c.stats).toMatchObject({ sent: 1, answered: 1, retries: 2, failures: 0 });
  });

  it('after 3 retries keeps the packet and re-sends it once the platform answers again', async () => {
    let silent = true;
    gw.answer = () => !silent;
    const c = client({ answerTimeoutMs: 200 });
    c.send(minute(0));
    await waitFor(() => c.stats.failures === 1, 5000, 'the failure');
    expect(gw.uploads('2051')).toHaveLength(4); // first attempt + 3 retries
    expect(c.storedCount).toBe(1);
    expect(c.settled).toBe(true);
    silent = false;
    c.send(minute(1));
    await waitFor(() => c.stats.answered === 2, 5000, 'both answered');
    const times = gw.uploads('2051').map((p) => p.cp.dataTimeText);
    expect(times.at(-1)).toBe('20250602000000'); // the stored one went out after the new one was answered
    expect(c.pending).toBe(0);
  });

  it('re-sends the unanswered packet after a reconnect', async () => {
    gw.answer = (_p, seen, socket) => {
      if (seen === 1) socket.destroy(); // the platform drops the link instead of answering
      return seen > 1;
    };
    const c = client({ answerTimeoutMs: 3000 });
    c.send(minute(0));
    await waitFor(() => c.stats.answered === 1, 5000, 'the answer after reconnecting');
    const ups = gw.uploads('2051');
    expect(ups).toHaveLength(2);
    expect(ups[0]!.qn).toBe(ups[1]!.qn);
    expect(gw.connections).toBe(2);
    expect(c.stats).toMatchObject({ sent: 1, answered: 1, retries: 1, disconnects: 1, connects: 2 });
  });

  it('keeps data while held offline and sends it on reconnect', async () => {
    const c = client();
    await waitFor(() => c.isConnected);
    c.hold(true);
    await waitFor(() => !c.isConnected && gw.sockets.size === 0, 5000, 'offline');
    c.send(minute(0));
    c.send(minute(1));
    await new Promise((r) => setTimeout(r, 100));
    expect(gw.uploads()).toHaveLength(0);
    c.hold(false);
    await waitFor(() => c.stats.answered === 2, 5000, 'both answered');
  });

  it('answers 1012 set time with 9011 QnRtn=1 then 9012 ExeRtn=1, and 1011 with its new time', async () => {
    const c = client();
    await waitFor(() => c.isConnected);
    const station = { st: AIR_UNIT.st, pw: AIR_UNIT.pw, mn: AIR_UNIT.mn };
    const target = new Date(DAY0 + 8 * HOUR);
    gw.send(setTime(station, target, undefined, { qn: '20250602080000001' }));
    await waitFor(() => of('9012').length === 1, 5000, '9012');
    const [a, b] = gw.packets.filter((p) => p.qn === '20250602080000001');
    expect(a).toMatchObject({ cn: '9011', st: '91', mn: AIR_UNIT.mn, cp: { params: { QnRtn: 1 } } });
    expect(b).toMatchObject({ cn: '9012', st: '91', cp: { params: { ExeRtn: 1 } } });
    expect(Math.abs(c.now() - target.getTime())).toBeLessThan(2000);

    gw.send(getTime(station, undefined, { qn: '20250602080000002' }));
    await waitFor(() => of('9012').length === 2, 5000, 'second 9012');
    const seq = gw.packets.filter((p) => p.qn === '20250602080000002').map((p) => p.cn);
    expect(seq).toEqual(['9011', '1011', '9012']);
    const time = gw.packets.find((p) => p.cn === '1011')!.cp.params.SystemTime as string;
    expect(time.slice(0, 10)).toBe(formatLocalTime(target).slice(0, 10));
  });

  it('sets and reports the minute interval (1064, 1063)', async () => {
    const c = client();
    await waitFor(() => c.isConnected);
    const station = { st: AIR_UNIT.st, pw: AIR_UNIT.pw, mn: AIR_UNIT.mn };
    gw.send(setMinInterval(station, 5, { qn: '20250602080000003' }));
    await waitFor(() => of('9012').length === 1);
    expect(c.settings.minInterval).toBe(5);
    gw.send(getMinInterval(station, { qn: '20250602080000004' }));
    await waitFor(() => of('1063').length === 1);
    expect(of('1063')[0]!.cp.params.MinInterval).toBe(5);
  });

  it('refuses a request with the wrong password (QnRtn=3)', async () => {
    const c = client();
    await waitFor(() => c.isConnected);
    gw.send(
      setTime({ st: '31', pw: 'wrong', mn: AIR_UNIT.mn }, new Date(DAY0), undefined, {
        qn: '20250602080000005',
      }),
    );
    await waitFor(() => of('9011').length === 1);
    expect(of('9011')[0]!.cp.params.QnRtn).toBe(3);
    expect(of('9012')).toHaveLength(0);
  });

  it('re-sends stored minute data for a 2051 history request, then 9012', async () => {
    const c = client({ history: (cn, b, e) => gen.stored(cn, b, e, DAY0 + 2 * HOUR) });
    await waitFor(() => c.isConnected);
    const station = { st: AIR_UNIT.st, pw: AIR_UNIT.pw, mn: AIR_UNIT.mn };
    const req = requestHistory(station, '2051', new Date(DAY0), new Date(DAY0 + 30 * MIN), {
      qn: '20250602080000006',
    });
    gw.send(req);
    await waitFor(() => of('9012').length === 1, 5000, '9012 after the re-send');
    expect(of('9011')[0]!.cp.params.QnRtn).toBe(1);
    expect(of('2051').map((p) => p.cp.dataTimeText)).toEqual([
      '20250602000000',
      '20250602001000',
      '20250602002000',
      '20250602003000',
    ]);
    expect(of('9012')[0]!.cp.params.ExeRtn).toBe(1);
    expect(of('2051')[0]!.cp.pollutants).toEqual(minute(0).pollutants);
    // Nothing stored in the future: ExeRtn 100 (no data).
    gw.send(requestHistory(station, '2061', new Date(DAY0 + 5 * HOUR), new Date(DAY0 + 6 * HOUR)));
    await waitFor(() => of('9012').length === 2);
    expect(of('9012')[1]!.cp.params.ExeRtn).toBe(100);
    // 2011 with a period re-sends real-time values (every 30 s); without one it starts real-time data.
    gw.send(requestHistory(station, '2011', new Date(DAY0), new Date(DAY0 + 2 * MIN)));
    await waitFor(() => of('9012').length === 3);
    expect(of('2011').map((p) => p.cp.dataTimeText?.slice(8))).toEqual([
      '000000',
      '000030',
      '000100',
      '000130',
      '000200',
    ]);
    expect(c.settings.realtime).toBe(false);
  });
});
