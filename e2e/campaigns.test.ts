// Browser test of 达标计划 and spot checks: the campaign timeline, the detail with 附件5, a draw with
// its seed verified, a reviewer assigned, and the expert's opinion.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, loginPage, SCREENSHOTS, startHarness } from './server-harness';

let harness: Harness;
const PASSWORD = 'dabiao-demo';

beforeAll(async () => {
  harness = await startHarness();
});

afterAll(async () => {
  await harness?.stop();
});

const rows = (page: Page, testId: string) => page.locator(`[data-testid="${testId}"] tbody tr.ant-table-row`);

describe('campaigns and spot checks in the browser', () => {
  it('the city sees the campaign timeline with the current phase and the detail with 附件5', async () => {
    const page = await loginPage(harness, { username: 'city', password: PASSWORD });
    await page.goto(`${harness.baseUrl}/campaigns`);
    await page.getByTestId('campaigns-page').waitFor();
    await page.getByTestId('current-phase').first().waitFor();
    expect(await page.getByTestId('current-phase').first().textContent()).toBe('自查排查');
    await page.screenshot({ path: join(SCREENSHOTS, 'campaigns.png'), fullPage: true });

    await page.getByRole('link', { name: '益阳市工业污染源全面达标排放计划（2017—2019年）' }).click();
    await page.getByTestId('campaign-detail').waitFor();
    await expect.poll(() => rows(page, 'task-breakdown').count()).toBe(20);
    expect(await rows(page, 'campaign-batches').count()).toBe(3);
    expect(await page.getByTestId('campaign-batches').textContent()).toContain('钢铁');
    expect(await page.getByTestId('campaign-phases').textContent()).toContain('004 四(一)1：2017年4月22日前');
    await page.screenshot({ path: join(SCREENSHOTS, 'campaign-detail.png'), fullPage: true });
    await page.context().close();
  });

  it('a district draws with a seed, verifies it and assigns the expert; the expert writes the opinion', async () => {
    const page = await loginPage(harness, { username: 'heshan', password: PASSWORD });
    await page.goto(`${harness.baseUrl}/spot-checks`);
    await page.getByTestId('spot-checks-page').waitFor();
    await page.getByTestId('new-draw').click();
    await page.getByTestId('draw-form').waitFor();
    const [drawn] = await Promise.all([
      page.waitForResponse(
        (r) => r.url().endsWith('/api/v1/spot-checks/draws') && r.request().method() === 'POST',
      ),
      page.getByTestId('save-button').click(),
    ]);
    expect(drawn.status()).toBe(201);
    const draw = (await drawn.json()) as { seed: string; selected: { name: string }[] };
    await expect
      .poll(async () => (await page.getByTestId('draw-seed').textContent())?.trim())
      .toBe(draw.seed);
    await page.getByTestId('verify-draw').click();
    await expect
      .poll(async () => await page.getByTestId('verify-result').textContent())
      .toContain('复核一致');

    await rows(page, 'draw-selected').first().getByRole('button').click();
    await page.getByTestId('assign-form').waitFor();
    await page.locator('[data-testid="assign-form"] .ant-select').first().click();
    await page.locator('.ant-select-item-option').filter({ hasText: '评估专家' }).first().click();
    const [assigned] = await Promise.all([
      page.waitForResponse(
        (r) => r.url().endsWith('/api/v1/review-assignments') && r.request().method() === 'POST',
      ),
      page.locator('.ant-modal').getByTestId('save-button').click(),
    ]);
    expect(assigned.status(), await assigned.text()).toBe(201);
    await page.screenshot({ path: join(SCREENSHOTS, 'spot-checks.png'), fullPage: true });
    await page.context().close();

    const expert = await loginPage(harness, { username: 'expert', password: PASSWORD });
    await expert.goto(`${harness.baseUrl}/spot-checks`);
    const mine = rows(expert, 'assignment-list').filter({ hasText: draw.selected[0]!.name });
    await mine.first().waitFor();
    await mine.first().getByRole('button', { name: '填写意见' }).click();
    await expert.getByTestId('opinion-form').waitFor();
    await expert.getByTestId('opinion-text').fill('现场核查：设施运行正常，排放达标。');
    const [saved] = await Promise.all([
      expert.waitForResponse((r) => r.url().includes('/opinion') && r.request().method() === 'POST'),
      expert.locator('.ant-modal').getByTestId('save-button').click(),
    ]);
    expect(saved.status()).toBe(200);
    await expect.poll(async () => await mine.first().textContent()).toContain('已提交');
    await expert.screenshot({ path: join(SCREENSHOTS, 'review-opinion.png'), fullPage: true });
    await expert.context().close();
  });
});
