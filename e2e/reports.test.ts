// Browser test of 定期报送 and 一企一策/限期整改: the matrix with a missing district, its late report with the
// prefilled figures, the city receiving it, and a rectification notice with its Word download.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, loginPage, SCREENSHOTS, startHarness } from './server-harness';

let harness: Harness;
const PASSWORD = 'dabiao-demo';
const DATONGHU = '430971';

beforeAll(async () => {
  harness = await startHarness();
});

afterAll(async () => {
  await harness?.stop();
});

const rows = (page: Page, testId: string) => page.locator(`[data-testid="${testId}"] tbody tr.ant-table-row`);

describe('periodic reports, plans and notices in the browser', () => {
  it('the missing district reports late with the prefilled figures; the city sees it late and receives it', async () => {
    const city = await loginPage(harness, { username: 'city', password: PASSWORD });
    await city.goto(`${harness.baseUrl}/reports`);
    await rows(city, 'report-definitions').first().waitFor();
    await expect.poll(() => rows(city, 'report-definitions').count(), { timeout: 10_000 }).toBe(5);
    const defs = (await (await city.request.get(`${harness.baseUrl}/api/v1/reports`)).json()) as {
      key: string;
      lastDue: { periodKey: string };
    }[];
    const last = defs.find((d) => d.key === 'ledger-monthly')!.lastDue.periodKey;
    const missing = city.getByTestId(`cell-${DATONGHU}-${last}`);
    await missing.waitFor();
    expect(await missing.textContent()).toContain('未报，已逾期');
    await city.screenshot({ path: join(SCREENSHOTS, 'reports-matrix.png'), fullPage: true });

    const district = await loginPage(harness, { username: 'datonghu', password: PASSWORD });
    await district.goto(`${harness.baseUrl}/reports`);
    const own = district.getByTestId(`cell-${DATONGHU}-${last}`);
    await own.waitFor();
    await own.getByRole('button', { name: '报送' }).click();
    await district.getByTestId('report-content').waitFor({ timeout: 15_000 });
    expect(await district.getByTestId('report-content').textContent()).toContain('本期新发现问题');
    await district.screenshot({ path: join(SCREENSHOTS, 'report-submit.png'), fullPage: true });
    const [sent] = await Promise.all([
      district.waitForResponse((r) => r.url().includes('/submissions') && r.request().method() === 'POST'),
      district.getByTestId('report-submit-ok').click(),
    ]);
    expect(sent.status(), await sent.text()).toBe(201);
    const submission = (await sent.json()) as { late: boolean; lateDays: number };
    expect(submission.late).toBe(true);
    await expect.poll(async () => await own.textContent(), { timeout: 10_000 }).toContain('迟报');
    await district.context().close();

    await city.reload();
    const cell = city.getByTestId(`cell-${DATONGHU}-${last}`);
    await expect.poll(async () => await cell.textContent(), { timeout: 15_000 }).toContain('待签收');
    await cell.locator('.ant-tag').click();
    await city.getByTestId('report-receive').click();
    await expect.poll(async () => await cell.textContent(), { timeout: 10_000 }).toContain('已签收');
    await city.context().close();
  });

  it('the plans page lists 一企一策 and the notices with their Word download', async () => {
    const page = await loginPage(harness, { username: 'city', password: PASSWORD });
    await page.goto(`${harness.baseUrl}/plans`);
    await rows(page, 'plans-table').first().waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'plans.png'), fullPage: true });
    await page.getByRole('tab', { name: '限期整改通知书' }).click();
    await rows(page, 'notices-table').first().waitFor();
    const href = await rows(page, 'notices-table').first().getByRole('link').getAttribute('href');
    expect(href).toMatch(/\/rectification-notices\/\d+\/export\.docx$/);
    const doc = await page.request.get(`${harness.baseUrl}${href}`);
    expect(doc.status()).toBe(200);
    expect(doc.headers()['content-type']).toContain('wordprocessingml');
    await page.getByTestId('notice-new').click();
    await page.getByTestId('notice-form').waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'notice-form.png'), fullPage: true });
    await page.context().close();
  });
});
