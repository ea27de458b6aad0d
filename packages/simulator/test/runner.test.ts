import { setMinInterval } from '@dabiao/hj212';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runSimulation, type SimEvent, type SimulationHandle } from '../src/index.js';
import { FakeGateway, waitFor } from './fake-gateway.js';
import { DAY, DAY0, HOUR, unitFor } from './units.js';

let gw: FakeGateway;
const handles: SimulationHandle[] = [];

beforeEach(async () => {
  gw = await FakeGateway.start();
});

afterEach(async () => {
  await Promise.all(handles.splice(0).map((h) => h.stop()));
  await gw.close();
  expect(gw.bad).toEqual([]);
});

const units = ['coal-boiler', 'wastewater-plant', 'cement-kiln'].map((p, i) => unitFor(p, i));
const base = () => ({ host: '127.0.0.1', port: gw.port, units, seed: 1, connectStaggerMs: 2, tickMs: 20 });

describe('runSimulation', () => {
  it('backfills a day for several units as fast as the gateway answers', async () => {
    const events: SimEvent['type'][] = [];
    const h = runSimulation({
      ...base(),
      speed: Number.POSITIVE_INFINITY,
      start: new Date(DAY0),
      end: new Date(DAY0 + DAY),
      onEvent: (e) => events.push(e.type),
    });
    handles.push(h);
    const stats = await h.done;
    expect(stats).toMatchObject({
      units: 3,
      sent: 3 * 169,
      answered: 3 * 169,
      failures: 0,
      pending: 0,
      finished: 3,
    });
    for (const u of units) {
      const mine = gw.uploads().filter((p) => p.mn === u.mn);
      expect(mine.filter((p) => p.cn === '2051')).toHaveLength(144);
      expect(mine.filter((p) => p.cn === '2061')).toHaveLength(24);
      expect(mine.filter((p) => p.cn === '2031')).toHaveLength(1);
    }
    expect(events.at(-1)).toBe('done');
  });

  it('runs live at high speed until the end and gives per-unit scenarios', async () => {
    const h = runSimulation({
      ...base(),
      speed: 36_000, // an hour in 0.1 s
      start: new Date(DAY0),
      end: new Date(DAY0 + 2 * HOUR),
      scenarios: { [units[0]!.mn]: 'zeros' },
    });
    handles.push(h);
    const stats = await h.done;
    expect(stats.answered).toBe(3 * (12 + 2));
    const zeros = gw.uploads('2051').filter((p) => p.mn === units[0]!.mn);
    for (const p of zeros) expect(p.cp.pollutants.a21026?.Avg).toBe(0);
    const other = gw.uploads('2051').filter((p) => p.mn === units[2]!.mn);
    for (const p of other) expect(p.cp.pollutants.a21026?.Avg).toBeGreaterThan(0);
  });

  it('sends real-time data when asked and follows a 1064 minute interval change', async () => {
    const h = runSimulation({
      ...base(),
      units: [units[0]!],
      speed: 600, // 10 minutes a second
      start: new Date(DAY0),
      realtime: true,
      rtdInterval: 60,
    });
    handles.push(h);
    await waitFor(() => gw.uploads('2011').length >= 5, 5000, 'real-time data');
    const u = units[0]!;
    gw.send(setMinInterval({ st: u.st, pw: u.pw, mn: u.mn }, 5));
    await waitFor(() => gw.packets.some((p) => p.cn === '9012'), 5000, '9012');
    const before = gw.uploads('2051').length;
    await waitFor(() => gw.uploads('2051').length >= before + 3, 8000, 'minute data at the new interval');
    const times = gw
      .uploads('2051')
      .slice(-2)
      .map((p) => p.cp.dataTime!.getTime());
    expect(times[1]! - times[0]!).toBe(5 * 60_000);
    const stats = await h.stop();
    expect(stats.sent).toBeGreaterThan(5);
  });

  it('drops and restores links in the disconnect scenario, losing nothing', async () => {
    const h = runSimulation({
      ...base(),
      units: [units[0]!],
      speed: Number.POSITIVE_INFINITY,
      start: new Date(DAY0),
      end: new Date(DAY0 + 2 * DAY),
      scenario: 'disconnect',
      reconnectDelayMs: 10,
    });
    handles.push(h);
    const stats = await h.done;
    expect(stats.disconnects).toBeGreaterThanOrEqual(2);
    expect(stats.answered).toBe(2 * 169);
    const dataTimes = new Set(gw.uploads().map((p) => `${p.cn}/${p.cp.dataTimeText}`));
    expect(dataTimes.size).toBe(2 * 169);
  });

  it('stops an endless live run on request', async () => {
    const h = runSimulation({ ...base(), speed: 1 });
    handles.push(h);
    await waitFor(() => h.stats.connected === 3, 5000, 'connections');
    const stats = await h.stop();
    expect(stats.connected).toBe(0);
    expect(await h.done).toEqual(stats);
  });
});
