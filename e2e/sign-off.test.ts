// Browser test of 销号 (004 附件4): ent-1's enterprise has a problem in the rectification ledger with a
// sign-off application (both made through the API here); the district bureau of that enterprise opens it
// from the ledger, verifies it on site and approves; the problem moves to 区县已核查.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_DISTRICTS } from '../apps/server/src/demo/demo-districts';
import { clickMenuItem, type Harness, loginPage, SCREENSHOTS, startHarness } from './server-harness';

let harness: Harness;
const PASSWORD = 'dabiao-demo';

beforeAll(async () => {
  harness = await startHarness();
});

afterAll(async () => {
  await harness?.stop();
});

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

describe('sign-off 销号 in the browser', () => {
  it('the district opens a problem with an application, verifies it on site and approves', async () => {
    const ent = await token('ent-1');
    const me = await call<{ user: { enterpriseId: number; regionCode: string } }>(ent, 'GET', '/auth/me');
    const district = DEMO_DISTRICTS.find((d) => d.code === me.user.regionCode)!;
    const districtToken = await token(district.login);
    const problem = await call<{ id: number }>(districtToken, 'POST', '/problems', {
      enterpriseId: me.user.enterpriseId,
      type: 'facility_inadequate',
      description: 'E2E：布袋除尘器破损，颗粒物排放不稳定',
      foundOn: '2026-10-20',
      handling: 'deadline_rectification',
      deadlineOn: '2027-01-20',
    });
    await call(ent, 'POST', `/problems/${problem.id}/sign-offs`, {
      measuresTaken: '更换全部滤袋，新增压差报警',
      completion: '已完成整改，经第三方复测颗粒物达标',
      evidence: [{ name: '第三方复测报告', note: 'YYJC-2026-0999' }, { name: '整改前后照片' }],
    });

    const page = await loginPage(harness, { username: district.login, password: PASSWORD });
    await clickMenuItem(page, 'menu-compliance', 'menu-compliance-rectification');
    await page.getByTestId('problem-row').first().waitFor();
    await page.goto(`${harness.baseUrl}/problems/${problem.id}`);
    await page.getByTestId('problem-status').waitFor();
    expect(await page.getByTestId('problem-status').textContent()).toBe('已申请销号');
    expect(await page.getByTestId('sign-off-round').count()).toBe(1);
    await page.getByTestId('sign-off-district-verify').click();
    const form = page.getByTestId('sign-off-district-verify-form');
    await form.waitFor();
    await page.getByTestId('verify-opinion').fill('经现场核查，滤袋已更换，除尘设施运行正常，同意销号');
    await page.getByTestId('verify-name').fill('赵六');
    const [answer] = await Promise.all([
      page.waitForResponse((r) => r.url().includes('/district-verify') && r.request().method() === 'POST'),
      page.getByTestId('save-button').last().click(),
    ]);
    expect(answer.status()).toBe(200);
    await page.getByTestId('problem-status').filter({ hasText: '区县已核查' }).waitFor();
    expect(await page.getByTestId('sign-off-round').first().textContent()).toContain('赵六');
    await page.screenshot({ path: join(SCREENSHOTS, 'sign-off-district-verified.png'), fullPage: true });

    // The ledgers the district keeps: 附件3 with the problem, 附件1 for the current campaign.
    await clickMenuItem(page, 'menu-compliance', 'menu-compliance-rectification');
    await page.getByTestId('problem-row').first().waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'rectification-ledger.png') });
    await clickMenuItem(page, 'menu-compliance', 'menu-compliance-screening');
    await page.getByTestId('screening-row').first().waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'screening-ledger.png') });
  });
});
