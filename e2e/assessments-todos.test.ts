// Browser test of 我的待办 and 评估报告: the district bureau's to-dos grouped by overdue / due soon / open
// with their links; the demo's finalized assessment with its figures, sections and Word download; a new
// draft generated from the form, edited and finalized. Screenshots go to test-results/screenshots.
import { join } from 'node:path';
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

describe('to-dos and assessment reports in the browser', () => {
  it('the district sees its to-dos grouped, each with a due date and a link', async () => {
    const page = await loginPage(harness, { username: 'heshan', password: PASSWORD });
    await page.goto(`${harness.baseUrl}/todos`);
    await expect.poll(() => page.getByTestId('todo-item').count()).toBeGreaterThan(0);
    const api = (await (await page.request.get(`${harness.baseUrl}/api/v1/todos`)).json()) as {
      items: { state: string; link: string }[];
    };
    expect(await page.getByTestId('todo-item').count()).toBe(api.items.length);
    for (const state of ['overdue', 'due-soon', 'open']) {
      const n = api.items.filter((i) => i.state === state).length;
      expect(await page.getByTestId(`todo-group-${state}`).count()).toBe(n ? 1 : 0);
    }
    expect(await page.getByTestId('todo-item').first().textContent()).toContain('截止');
    // The menu's badge counts what is overdue or due soon.
    const urgent = api.items.filter((i) => i.state !== 'open').length;
    if (urgent) {
      await expect.poll(() => page.getByTestId('todo-badge').textContent()).toBe(String(urgent));
    } else {
      expect(await page.getByTestId('todo-badge').count()).toBe(0);
    }
    await page.screenshot({ path: join(SCREENSHOTS, 'todos-district.png'), fullPage: true });
    await page.context().close();
  });

  it('the final assessment shows figures and sections; a new draft is generated, edited and finalized', async () => {
    const page = await loginPage(harness, { username: 'heshan', password: PASSWORD });
    await page.goto(`${harness.baseUrl}/assessments`);
    const final = page.locator('tbody tr.ant-table-row', { hasText: '定稿' }).first();
    await final.waitFor();
    await final.getByRole('link').click();
    await page.getByTestId('assessment-figures').waitFor();
    for (const h of [
      '一、工业污染源总体情况',
      '二、存在的问题和不足',
      '三、评估结论',
      '四、对策建议',
      '五、下一步工作计划',
    ])
      expect(await page.getByText(h, { exact: true }).count()).toBe(1);
    expect(await page.getByTestId('assessment-finalize').count()).toBe(0);
    const href = await page.getByTestId('assessment-download').getAttribute('href');
    const doc = await page.request.get(`${harness.baseUrl}${href}`);
    expect(doc.status()).toBe(200);
    expect(doc.headers()['content-type']).toContain('wordprocessingml');
    await page.screenshot({ path: join(SCREENSHOTS, 'assessment-final.png'), fullPage: true });

    // A new draft through the API the form calls, then edited and finalized on the page.
    const campaigns = (await (
      await page.request.get(`${harness.baseUrl}/api/v1/campaigns?pageSize=200`)
    ).json()) as {
      items: { id: number; name: string }[];
    };
    const review = campaigns.items.find((c) => c.name.includes('2026'))!;
    await page.goto(`${harness.baseUrl}/assessments`);
    await page.getByTestId('assessment-generate').click();
    const modal = page.locator('.ant-modal');
    await modal.waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'assessment-generate.png'), fullPage: true });
    await modal.getByRole('button', { name: /取\s*消/ }).click();
    const created = await page.evaluate(
      async ([campaignId]) => {
        const me = await fetch('/api/v1/auth/me').then((r) => r.json());
        const r = await fetch('/api/v1/assessments', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken ?? '' },
          body: JSON.stringify({
            kind: 'assessment',
            scope: 'region',
            regionCode: '430903',
            campaignId,
            periodFrom: '2026-10-01',
            periodTo: '2026-11-23',
          }),
        });
        return { status: r.status, body: await r.json() };
      },
      [review.id],
    );
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    await page.goto(`${harness.baseUrl}/assessments/${created.body.id}`);
    const conclusion = page.getByTestId('assessment-section-conclusion').locator('textarea');
    await conclusion.fill('经评估，赫山区工业污染源总体达标。');
    await page.getByRole('button', { name: /保存修改/ }).click();
    await expect.poll(() => page.getByText('已保存').count()).toBeGreaterThan(0);
    await page.getByTestId('assessment-finalize').click();
    await page
      .locator('.ant-popconfirm')
      .getByRole('button', { name: /确\s*定|OK/ })
      .click();
    await expect
      .poll(async () => await page.getByTestId('assessment-section-conclusion').textContent())
      .toContain('总体达标');
    // The finalize button goes once the server's answer (status 定稿) has been rendered.
    await expect.poll(() => page.getByTestId('assessment-finalize').count()).toBe(0);
    await page.screenshot({ path: join(SCREENSHOTS, 'assessment-detail.png'), fullPage: true });
    await page.context().close();
  });
});
