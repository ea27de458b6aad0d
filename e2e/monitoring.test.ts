// Browser test of the monitoring screens (在线监控): the test plays data-acquisition units of the
// demo city over HJ 212 TCP — one backfills six good hours and stays connected, one in another
// district sends six hours of which two are flagged D (fault) — and watches the screens: overview
// counts, a live value pushed to the outlet page, records with the raw packet, a command answered
// by the unit, a command refused for a unit that is not connected, the monthly rates under 90 %.
import { join } from 'node:path';
import { type DataRecord, runSimulation, type SimUnit, UnitClient, UnitGenerator } from '@dabiao/simulator';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, clickMenuItem, type Harness, loginPage, SCREENSHOTS, startHarness } from './server-harness';

interface MonitorRow {
  id: number;
  mn: string;
  outletId: number;
  online: boolean;
  firstDataAt: string | null;
}

let harness: Harness;
let token: string;
let unit: SimUnit;
let monitor: MonitorRow;
let client: UnitClient | undefined;
let troubled: SimUnit;
let faultMonth: string;

const text = async (locator: Locator) => ((await locator.textContent()) ?? '').trim();

async function apiGet<T>(path: string): Promise<T> {
  const response = await fetch(`${harness.baseUrl}/api/v1${path}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  if (!response.ok) throw new Error(`GET ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 90_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 1000));
  }
}

/** One real-time packet with a value no simulator would produce. */
const realtime = (so2: number): DataRecord => ({
  cn: '2011',
  dataTime: new Date(Math.floor(Date.now() / 1000) * 1000),
  pollutants: {
    a21026: { Rtd: so2, ZsRtd: so2 + 1, Flag: 'N' },
    a19001: { Rtd: 6.1, Flag: 'N' },
  },
});

function sendOver(c: UnitClient, record: DataRecord): Promise<void> {
  return new Promise((ok, fail) =>
    c.send(record, {
      keep: false,
      onDone: (answered) => (answered ? ok() : fail(new Error('the gateway did not answer'))),
    }),
  );
}

/** Six hours of minute data of which the 2nd and 3rd hours are flagged D: those two hours are invalid. */
async function sendWithFaults(u: SimUnit, start: Date, end: Date): Promise<void> {
  const faultFrom = start.getTime() + 3_600_000 * 2;
  const faultTo = faultFrom + 3_600_000 * 2;
  const records = [
    ...new UnitGenerator({ unit: u, seed: 11 }).records(start, end, { hourly: false, daily: false }),
  ];
  for (const r of records) {
    const at = r.dataTime.getTime();
    if (at >= faultFrom && at < faultTo) for (const fields of Object.values(r.pollutants)) fields.Flag = 'D';
  }
  const c = new UnitClient({ host: '127.0.0.1', port: harness.hj212Port, unit: u });
  c.start();
  try {
    for (const r of records) await sendOver(c, r);
  } finally {
    await c.stop();
  }
}

beforeAll(async () => {
  harness = await startHarness();
  const auth = await fetch(`${harness.baseUrl}/api/v1/auth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(ADMIN),
  });
  token = ((await auth.json()) as { token: string }).token;

  // A flue-gas unit with SO2 and O2 (a boiler), its MN and password from the demo endpoint.
  const units = await apiGet<{ items: SimUnit[] }>('/monitoring/simulator-units');
  const found = units.items.find(
    (u) => u.st === '31' && u.pollutants?.includes('a21026') && u.pollutants.includes('a19001'),
  );
  if (!found) throw new Error('no demo boiler unit');
  unit = found;
  const rows = await apiGet<{ items: MonitorRow[] }>(`/monitoring/monitors?q=${unit.mn}`);
  const row = rows.items.find((m) => m.mn === unit.mn);
  if (!row) throw new Error(`monitor ${unit.mn} not listed`);
  monitor = row;

  // The last six hours as fast as the gateway answers (minute and hourly data), then the unit
  // stays connected: it answers commands and sends what the test asks it to.
  const end = new Date();
  const start = new Date(Math.floor((end.getTime() - 6 * 3_600_000) / 600_000) * 600_000);
  const backfill = runSimulation({
    host: '127.0.0.1',
    port: harness.hj212Port,
    units: [unit],
    seed: 7,
    speed: Number.POSITIVE_INFINITY,
    start,
    end,
  });
  troubled = units.items.find((u) => u.st === '31' && u.mn.slice(0, 6) !== unit.mn.slice(0, 6))!;
  const hourStart = new Date(Math.floor((end.getTime() - 6 * 3_600_000) / 3_600_000) * 3_600_000);
  // The month (Shanghai) of the faulty hours: early on the 1st they fall in the previous month.
  faultMonth = new Date(hourStart.getTime() + 3_600_000 + 8 * 3_600_000).toISOString().slice(0, 7);
  await sendWithFaults(troubled, hourStart, new Date(hourStart.getTime() + 6 * 3_600_000));
  const stats = await backfill.done;
  expect(stats.failures).toBe(0);
  expect(stats.answered).toBeGreaterThan(30);
  client = new UnitClient({ host: '127.0.0.1', port: harness.hj212Port, unit });
  client.start();
  await sendOver(client, realtime(20.5));
  // The aggregator (every 5 s) turns the minutes into hourly values and rates.
  await until('hourly values', async () => {
    const series = await apiGet<{ points: unknown[] }>(
      `/monitoring/outlets/${monitor.outletId}/series?pollutant=a21026&period=hour`,
    );
    return series.points.length >= 3 ? true : undefined;
  });
  await until('the faulty hours counted', async () => {
    const rates = await apiGet<{ rows: { mn: string | null; valid: number; expected: number }[] }>(
      '/monitoring/rates?groupBy=monitor',
    );
    const r = rates.rows.find((x) => x.mn === troubled.mn);
    return r && r.expected >= 6 && r.valid <= r.expected - 2 ? true : undefined;
  });
});

afterAll(async () => {
  await client?.stop();
  await harness?.stop();
});

async function shot(page: Page, name: string): Promise<void> {
  // Let ECharts finish drawing.
  await page.waitForTimeout(600);
  await page.screenshot({ path: join(SCREENSHOTS, name), fullPage: true });
}

describe('monitoring in the browser', () => {
  it('shows the overview, a value pushed to the outlet page, records, raw packet, commands and rates', async () => {
    const page = await loginPage(harness);

    // 监控总览: the counts, the connected unit online, the districts with their chart.
    await clickMenuItem(page, 'menu-monitoring', 'menu-monitoring-overview');
    await page.getByTestId('overview-monitors').waitFor();
    const total = Number((await text(page.getByTestId('overview-monitors'))).replace(/\D/g, ''));
    expect(total).toBeGreaterThan(100);
    // The connected unit counts as online once the overview is loaded after its first packet:
    // under load the first load can come before it, so reload (the page's own button) and look again.
    const onlineNow = async () => {
      const n = Number((await text(page.getByTestId('overview-online'))).replace(/\D/g, ''));
      if (n < 1) await page.locator('button:has(.anticon-reload)').first().click();
      return n;
    };
    await expect.poll(onlineNow, { timeout: 20_000, interval: 1000 }).toBeGreaterThanOrEqual(1);
    expect(await text(page.getByTestId('overview-today-rate'))).toContain('今日数据传输有效率');
    await page.getByTestId('chart-district-rates').locator('canvas').first().waitFor();
    expect(await page.getByTestId('district-table').locator('tbody tr').count()).toBeGreaterThan(3);
    await shot(page, 'monitoring-overview.png');

    // 监控点列表: the unit found by its MN, online.
    await clickMenuItem(page, 'menu-monitoring', 'menu-monitoring-monitors');
    const search = page
      .locator('input[data-testid="monitor-search"], [data-testid="monitor-search"] input')
      .first();
    await search.fill(unit.mn);
    await search.press('Enter');
    const row = page.locator(`[data-testid="monitor-row"][data-mn="${unit.mn}"]`);
    await row.waitFor();
    expect(await text(row)).toContain('在线');

    // 排放口监控页, opened from the row; the live stream is open before the packet is sent.
    await row.locator('td').first().click();
    await page.waitForURL(`**/monitoring/outlets/${monitor.outletId}`);
    await page.getByTestId('outlet-title').waitFor();
    await page.locator('[data-testid="live-stream-state"][data-state="open"]').waitFor();
    const so2 = page.getByTestId('live-number-a21026');
    await so2.waitFor();
    expect(await text(so2)).not.toBe('123.45');
    let navigations = 0;
    page.on('framenavigated', () => navigations++);
    await sendOver(client!, realtime(123.45));
    await expect.poll(() => text(so2), { timeout: 15_000 }).toBe('123.45');
    expect(navigations).toBe(0);
    expect(await text(page.getByTestId('live-value-a21026'))).toContain('N 正常');
    expect(await text(page.getByTestId('live-last-packet'))).toContain('最后一包');
    await page.getByTestId('trend-chart').locator('canvas').first().waitFor();
    await shot(page, 'monitoring-outlet.png');

    // 数据记录: the real-time record just sent, and its raw packet.
    await page.getByTestId('tab-records').click();
    await page.getByTestId('records-kind').getByText('实时').click();
    const first = page.getByTestId('record-row').first();
    await expect.poll(() => text(first), { timeout: 15_000 }).toContain('123.45');
    await first.getByTestId('raw-button').click();
    const raw = page.getByTestId('raw-text');
    await raw.waitFor();
    expect(await text(raw)).toContain(`MN=${unit.mn}`);
    expect(await text(raw)).toContain('a21026-Rtd=123.45');
    expect(await text(page.getByTestId('raw-verdict'))).toBe('已入库');
    expect(await text(page.getByTestId('raw-peer'))).toMatch(/^127\.0\.0\.1:\d+$/);
    await page.waitForTimeout(500); // the modal's opening animation
    await page.screenshot({ path: join(SCREENSHOTS, 'monitoring-raw-packet.png') });
    await page.locator('.ant-modal-close').click();
    await page.getByTestId('raw-modal-body').waitFor({ state: 'detached' });
    const download = await page.getByTestId('raw-download').first().getAttribute('href');
    const archive = await page.request.get(`${harness.baseUrl}${download}`);
    expect(archive.status()).toBe(200);
    expect(await archive.text()).toContain('a21026-Rtd=123.45');

    // 指令: 校时 is sent, accepted and carried out by the unit.
    await page.getByTestId('tab-commands').click();
    await page.getByTestId('unit-connected').waitFor();
    expect(await text(page.getByTestId('unit-connected'))).toBe('数采仪已连接');
    await page.getByTestId('command-setTime').click();
    const done = page.locator('[data-testid="command-row"][data-status="succeeded"]');
    await done.first().waitFor({ timeout: 20_000 });
    expect(await text(done.first())).toContain('校时');
    expect(await text(done.first())).toContain('执行成功');

    // A unit that never connected: the 409 problem is shown as a message.
    const silent = await apiGet<{ items: MonitorRow[] }>('/monitoring/monitors?online=false&pageSize=1');
    const offline = silent.items[0]!;
    await page.goto(`${harness.baseUrl}/monitoring/outlets/${offline.outletId}?tab=commands`);
    await page.getByTestId('command-setTime').click();
    const notice = page.locator('.ant-message-notice').filter({ hasText: '未连接' });
    await notice.first().waitFor();
    await notice.first().waitFor({ state: 'detached' });

    // 传输有效率: the month by district with the total and the formula.
    await clickMenuItem(page, 'menu-monitoring', 'menu-monitoring-rates');
    await page.getByTestId('rate-row').first().waitFor();
    const thisMonth = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7);
    if (faultMonth !== thisMonth) {
      await page.goto(`${harness.baseUrl}/monitoring/rates?month=${faultMonth}`);
      await page.getByTestId('rate-row').first().waitFor();
    }
    expect(await text(page.getByTestId('rates-formula'))).toContain(
      '传输有效率 = 有效数据个数 / 应收数据个数',
    );
    expect(await text(page.getByTestId('rates-total'))).toContain('合计');
    // The district of the unit with two faulty hours is under 90 % and highlighted.
    const below = page.locator('[data-testid="rate-row"][data-below="true"]');
    await below.first().waitFor();
    expect(await text(below.first())).toMatch(/\d+\.\d{2}%/);
    await shot(page, 'monitoring-rates.png');

    // By monitoring point: the unit's row, and the same table as Excel.
    await page.getByTestId('rates-group').getByText('监控点').click();
    await page.waitForURL(
      (u) => u.pathname === '/monitoring/rates' && u.searchParams.get('groupBy') === 'monitor',
    );
    await page
      .locator('input[data-testid="rates-search"], [data-testid="rates-search"] input')
      .first()
      .fill(unit.mn);
    const unitRow = page.getByTestId('rate-row').filter({ hasText: unit.mn });
    await unitRow.first().waitFor();
    expect(await text(unitRow.first())).toMatch(/\d+\.\d{2}%/);
    const exportHref = await page.getByTestId('rates-export').getAttribute('href');
    expect(exportHref).toContain('groupBy=monitor');
    const excel = await page.request.get(`${harness.baseUrl}${exportHref}`);
    expect(excel.status()).toBe(200);
    expect(excel.headers()['content-type']).toContain('spreadsheet');
    await page.context().close();
  });
});
