// Browser test of the alarm platform (报警平台): a data unit of ent-1's enterprise sends two hours of
// SO2 far above the limit; the engine raises an exceedance alarm and dispatches a sheet to the
// district. The district bureau opens the alarm centre, opens the sheet with its evidence and signs
// for it; the enterprise, whose page is open, hears of it at once (bell and toast) and finds it in
// its inbox and its own alarm list. Then the other screens: filings, response, the quarterly list
// and the alarm rules. Screenshots go to /tmp/shots (and test-results/screenshots).
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SeededAlarm, seedExceedance } from './alarm-seed';
import { ADMIN, clickMenuItem, type Harness, loginPage, SCREENSHOTS, startHarness } from './server-harness';

const PASSWORD = ADMIN.password;
const SHOTS = process.env.SHOTS_DIR ?? '/tmp/shots';

let harness: Harness;
let adminToken: string;
let alarm: SeededAlarm;
let districtUser: string;

const text = async (locator: Locator) => ((await locator.textContent()) ?? '').trim();

async function token(username: string): Promise<string> {
  const auth = await fetch(`${harness.baseUrl}/api/v1/auth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  if (!auth.ok) throw new Error(`login ${username}: ${auth.status}`);
  return ((await auth.json()) as { token: string }).token;
}

async function call<T>(bearer: string, method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${harness.baseUrl}/api/v1${path}`, {
    method,
    headers: {
      authorization: `Bearer ${bearer}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

async function shot(page: Page, name: string): Promise<void> {
  // Let ECharts finish drawing.
  await page.waitForTimeout(800);
  mkdirSync(SHOTS, { recursive: true });
  const path = join(SCREENSHOTS, name);
  await page.screenshot({ path, fullPage: true });
  copyFileSync(path, join(SHOTS, name));
}

const login = (username: string) => loginPage(harness, { username, password: PASSWORD });

beforeAll(async () => {
  harness = await startHarness();
  adminToken = await token(ADMIN.username);
  const users = await call<{
    items: { username: string; role: string; enterpriseId: number | null; regionCode: string }[];
  }>(adminToken, 'GET', '/users?q=ent-1&pageSize=50');
  const ent = users.items.find((u) => u.username === 'ent-1');
  if (!ent?.enterpriseId) throw new Error('no demo user ent-1');
  alarm = await seedExceedance(harness, adminToken, ent.enterpriseId);
  const districts = await call<{ items: { username: string; regionCode: string }[] }>(
    adminToken,
    'GET',
    '/users?role=district&pageSize=50',
  );
  const own = districts.items.find((u) => u.regionCode === alarm.districtCode);
  if (!own) throw new Error(`no district user for ${alarm.districtCode}`);
  districtUser = own.username;
});

afterAll(async () => {
  await harness?.stop();
});

describe('the alarm platform in the browser', () => {
  it('lets the district sign a sheet and the enterprise hear of it in its inbox', async () => {
    // The enterprise is signed in first: its inbox stream is open when the district signs.
    const ent = await login('ent-1');
    const bell = ent.getByTestId('inbox-count');
    await bell.waitFor();
    // Its sheet was dispatched to it too: at least that notification is unread.
    await expect
      .poll(async () => Number(await bell.getAttribute('data-count')), { timeout: 15_000 })
      .toBeGreaterThan(0);
    const unreadBefore = Number(await bell.getAttribute('data-count'));

    // 报警中心: the district's alarm, with its state card and deadline.
    const page = await login(districtUser);
    await clickMenuItem(page, 'menu-alarms', 'menu-alarm-centre');
    await page.getByTestId('alarm-centre-title').waitFor();
    expect(await text(page.getByTestId('alarm-centre-title'))).toBe('报警中心');
    const row = page.locator(`[data-testid="alarm-row"][data-id="${alarm.id}"]`);
    await row.waitFor();
    expect(await text(row)).toContain(alarm.sheet.number);
    expect(await text(row.getByTestId('alarm-state'))).toBe('待签收');
    expect(await text(row.getByTestId('deadline'))).toMatch(/剩余 \d+ 小时 \d+ 分/);
    expect(
      Number((await text(page.getByTestId('alarm-card-dispatched'))).replace(/\D/g, '')),
    ).toBeGreaterThanOrEqual(1);
    await page.getByTestId('alarm-district-chart').locator('canvas').first().waitFor();
    await page.getByTestId('alarm-map').locator('canvas').first().waitFor();
    await shot(page, 'alarm-centre.png');

    // The state filter is kept in the URL.
    await page.goto(`${harness.baseUrl}/alarms?state=dispatched&kind=exceedance`);
    await row.waitFor();
    expect(await text(page.getByTestId('filter-state'))).toContain('待签收');

    // 报警单详情: progress, verdict, limit, evidence chart, and 签收 for the district.
    await row.getByTestId('alarm-link').click();
    await page.waitForURL(`**/alarms/${alarm.id}`);
    await page.getByTestId('alarm-title').waitFor();
    expect(await text(page.getByTestId('alarm-title'))).toBe(alarm.sheet.number);
    expect(await text(page.getByTestId('alarm-verdict'))).not.toBe('');
    expect(await text(page.getByTestId('alarm-limit'))).toMatch(/mg\/m³/);
    await page.getByTestId('evidence-chart').locator('canvas').first().waitFor();
    expect(await page.getByTestId('alarm-step').count()).toBeGreaterThanOrEqual(1);
    expect(await page.getByTestId('action-sign').count()).toBe(1);
    expect(await page.getByTestId('action-explain').count()).toBe(0);
    await shot(page, 'alarm-detail.png');

    await page.getByTestId('action-sign').click();
    const form = page.getByTestId('action-form-sign');
    await form.waitFor();
    await form.locator('textarea').fill('已签收，安排现场核查');
    await page.waitForTimeout(400);
    await page.screenshot({ path: join(SHOTS, 'alarm-sign-form.png') });
    await page.getByTestId('save-button').click();
    await expect.poll(() => text(page.getByTestId('alarm-state')), { timeout: 15_000 }).toBe('已签收');
    expect(await page.getByTestId('action-sign').count()).toBe(0);
    expect(await text(page.locator('[data-testid="alarm-step"][data-action="sign"]'))).toContain(
      '已签收，安排现场核查',
    );
    await shot(page, 'alarm-detail-signed.png');

    // The enterprise: the bell moves on without reloading, a toast says what happened.
    await expect
      .poll(async () => Number(await bell.getAttribute('data-count')), { timeout: 20_000 })
      .toBe(unreadBefore + 1);
    await ent.locator('.ant-notification-notice').filter({ hasText: alarm.sheet.number }).first().waitFor();
    await shot(ent, 'inbox-toast.png');
    await ent.getByTestId('inbox-bell').click();
    await ent.waitForURL('**/inbox');
    const item = ent
      .getByTestId('inbox-item')
      .filter({ hasText: alarm.sheet.number })
      .filter({ hasText: '签收' });
    await item.first().waitFor();
    expect(await item.first().getAttribute('data-read')).toBe('false');
    await shot(ent, 'inbox.png');

    // Opening it marks it read and goes to the sheet, where the enterprise may explain.
    await item.first().click();
    await ent.waitForURL(`**/alarms/${alarm.id}`);
    await ent.getByTestId('alarm-title').waitFor();
    expect(await text(ent.getByTestId('alarm-state'))).toBe('已签收');
    expect(Number(await bell.getAttribute('data-count'))).toBe(unreadBefore);

    // 自查说明: the enterprise's answer moves the sheet on.
    await ent.getByTestId('action-explain').click();
    await ent.getByTestId('field-explanation').fill('脱硫塔浆液循环泵跳闸，SO2 短时升高');
    await ent.getByTestId('field-selfCorrection').fill('已恢复循环泵运行并增加巡检');
    await ent.getByTestId('save-button').click();
    await expect.poll(() => text(ent.getByTestId('alarm-state')), { timeout: 15_000 }).toBe('企业已说明');
    expect(await ent.getByTestId('action-explain').count()).toBe(0);
    await shot(ent, 'alarm-detail-explained.png');

    // 我的报警: the enterprise's own list.
    await clickMenuItem(ent, 'menu-alarms', 'menu-alarm-centre');
    await ent.getByTestId('alarm-centre-title').waitFor();
    expect(await text(ent.getByTestId('alarm-centre-title'))).toBe('我的报警');
    await ent.locator(`[data-testid="alarm-row"][data-id="${alarm.id}"]`).waitFor();
    await shot(ent, 'my-alarms.png');
    await ent.context().close();
    await page.context().close();
  });

  it('shows filings, the response dashboard, the quarterly list and the rules', async () => {
    // 报备: ent-1 files a maintenance window in advance; the district sees it to decide.
    const entToken = await token('ent-1');
    const start = new Date(Date.now() + 3 * 3_600_000);
    await call(entToken, 'POST', '/filings', {
      outletId: alarm.outletId,
      kind: 'maintenance',
      startsAt: start.toISOString(),
      endsAt: new Date(start.getTime() + 4 * 3_600_000).toISOString(),
      reason: '脱硫系统例行检修',
    });
    const district = await login(districtUser);
    await district.goto(`${harness.baseUrl}/filings`);
    const filing = district.getByTestId('filing-row').filter({ hasText: '脱硫系统例行检修' });
    await filing.first().waitFor();
    expect(await text(filing.first().getByTestId('filing-status'))).toBe('待审核');
    await shot(district, 'filings.png');
    await filing.first().getByTestId('filing-approve').click();
    await district.getByTestId('save-button').click();
    await expect
      .poll(() => text(filing.first().getByTestId('filing-status')), { timeout: 10_000 })
      .toBe('已批准');

    // 响应考核: the district's row with its sheets.
    await district.goto(`${harness.baseUrl}/alarms/response`);
    // The table renders its empty row before the stats arrive: wait for the data, not the first row.
    await expect
      .poll(() => text(district.getByTestId('response-table')), { timeout: 20_000 })
      .toContain('合计');
    await district.getByTestId('response-chart').locator('canvas').first().waitFor();
    await shot(district, 'alarm-response.png');
    // The rules are the city's.
    await district.goto(`${harness.baseUrl}/alarms/settings`);
    await district.getByText('无权访问').first().waitFor();
    await district.context().close();

    // The district confirms the exceedance (核实反馈): the enterprise now meets the list's multiple rule.
    const districtToken = await token(districtUser);
    const detail = await call<{ sheet: { version: number } }>(districtToken, 'GET', `/alarms/${alarm.id}`);
    await call(districtToken, 'POST', `/alarms/${alarm.id}/sheet/conclude`, {
      version: detail.sheet.version,
      conclusion: 'confirmed_exceedance',
      note: '现场核实，确认超标',
    });

    // 严重超标名单: the city generates this quarter's list, reviews and publishes it.
    const city = await login('city');
    await city.goto(`${harness.baseUrl}/alarms/serious-lists`);
    const shanghai = new Date(Date.now() + 8 * 3_600_000);
    const quarter = Math.floor(shanghai.getUTCMonth() / 3) + 1;
    await city
      .locator('[data-testid="serious-year"] input, input[data-testid="serious-year"]')
      .first()
      .fill(String(shanghai.getUTCFullYear()));
    await city.getByTestId('serious-quarter').click();
    await city
      .locator('.ant-select-item-option')
      .filter({ hasText: `Q${quarter}` })
      .click();
    await city.getByTestId('serious-generate').click();
    const list = city.getByTestId('serious-detail');
    await list.waitFor();
    expect(await text(list)).toContain(`第 ${quarter} 季度`);
    const entry = city.getByTestId('serious-entry').filter({ hasText: '湖南宇通热电股份有限公司' });
    await entry.first().waitFor();
    expect(await text(entry.first())).toContain('最高浓度为限值的');
    await shot(city, 'serious-lists.png');
    await city.getByTestId('serious-review').click();
    await city.locator('[data-testid="serious-detail"][data-status="reviewed"]').waitFor();
    await city.getByTestId('serious-publish').click();
    await city.locator('.ant-popconfirm .ant-btn-primary').click();
    await city.locator('[data-testid="serious-detail"][data-status="published"]').waitFor();
    await shot(city, 'serious-list-published.png');
    await city.goto(`${harness.baseUrl}/alarms/settings`);
    await city.getByTestId('rules-save').waitFor();
    expect(await text(city.locator('body'))).toContain('数据恒值');
    await shot(city, 'alarm-settings.png');
    await city.context().close();
  });
});
