// Browser test of 自查表 (004 附件2): the enterprise (ent-1) opens it from the menu, fills what is
// required and submits under its signer's name; the district bureau of that enterprise reviews and approves.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_DISTRICTS } from '../apps/server/src/demo/demo-districts';
import { clickMenuItem, type Harness, loginPage, SCREENSHOTS, startHarness } from './server-harness';

let harness: Harness;
const PASSWORD = 'dabiao-demo';
const REVIEW_2026 = '益阳市2026年工业污染源全面达标排放复查';

beforeAll(async () => {
  harness = await startHarness();
});

afterAll(async () => {
  await harness?.stop();
});

interface Field {
  key: string;
  kind: string;
  required: boolean;
  explain?: { when: 'yes' | 'no'; key: string };
}
interface Block {
  kind: 'table' | 'fields';
  path: string;
  fields?: Field[];
  columns?: Field[];
  minRowsWhen?: string;
  appliesWhen?: string;
}

/** Fills an empty input, answers 是 to an unanswered question and its "若选“是”…" explanation. */
async function fillField(page: Page, f: Field, base: (string | number)[]) {
  const id = `sc-${[...base, f.key].join('-')}`;
  const el = page.getByTestId(id);
  if (f.kind === 'yesNo') {
    if (!(await el.locator('.ant-radio-wrapper-checked').count())) {
      await el.locator('label.ant-radio-wrapper').first().click();
    }
    if (f.explain?.when === 'yes') {
      const ex = page.getByTestId(`sc-${[...base, f.explain.key].join('-')}`);
      await ex.waitFor();
      if (!(await ex.inputValue())) await ex.fill('经园区污水处理厂处理后排放');
    }
    return;
  }
  if (!f.required) return;
  if (await el.inputValue()) return;
  await el.fill(f.kind === 'number' ? '112.35' : f.kind === 'date' ? '2012-06-30' : '已核实');
}

describe('self-check form 自查表 in the browser', () => {
  it('ent-1 fills and submits the form; the district of the enterprise approves it', async () => {
    const page = await loginPage(harness, { username: 'ent-1', password: PASSWORD });
    await clickMenuItem(page, 'menu-compliance', 'menu-compliance-selfChecks');
    const row = page.locator('tr.ant-table-row').filter({ hasText: REVIEW_2026 });
    await row.waitFor();
    expect(await row.getByTestId('self-check-status').textContent()).toBe('未填报');
    await page.screenshot({ path: join(SCREENSHOTS, 'self-check-list-enterprise.png'), fullPage: true });
    const [started] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/api/v1/self-checks') && r.request().method() === 'POST'),
      row.getByTestId('self-check-start').click(),
    ]);
    expect(started.status()).toBe(201);
    const form = (await started.json()) as {
      id: number;
      regionCode: string;
      content: Record<string, Record<string, unknown[]>>;
      applicability: Record<string, boolean>;
    };
    await page.getByTestId('sc-title').waitFor();
    expect(await page.getByTestId('sc-title').textContent()).toBe('2026 年工业污染源达标计划自查表');

    const definition = (await (
      await page.request.get(`${harness.baseUrl}/api/v1/self-checks/form`)
    ).json()) as {
      sections: { blocks: Block[] }[];
    };
    const applies = (when?: string) =>
      when === 'always' || (when !== undefined && when !== 'never' && form.applicability[when] === true);
    for (const block of definition.sections.flatMap((s) => s.blocks)) {
      const base = block.path.split('/').filter(Boolean);
      if (block.kind === 'fields') {
        if (!applies(block.appliesWhen)) continue;
        for (const f of block.fields!) await fillField(page, f, base);
        continue;
      }
      if (!applies(block.minRowsWhen)) continue;
      let rows = (form.content[base[0]!]?.[base[1]!] ?? []).length;
      if (rows === 0) {
        await page.getByTestId(`sc-add-${base.join('-')}`).click();
        rows = 1;
      }
      for (let i = 0; i < rows; i++) {
        for (const c of block.columns!) await fillField(page, c, [...base, i]);
      }
    }
    // 是否按要求公开环境信息: 否 asks for the explanation.
    expect(await page.getByTestId('sc-permits-disclosureProblems').count()).toBe(0);
    await page.getByTestId('sc-permits-disclosesInfo').locator('label.ant-radio-wrapper').nth(1).click();
    await page.getByTestId('sc-permits-disclosureProblems').fill('未按季度公开自行监测数据');
    await page.screenshot({ path: join(SCREENSHOTS, 'self-check-form.png'), fullPage: true });
    await page.getByTestId('sc-submit').click();
    await page.getByTestId('sc-signer').fill('刘环保');
    const [submitted] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith(`/self-checks/${form.id}/submit`)),
      page.getByTestId('sc-submit-confirm').click(),
    ]);
    expect(submitted.status(), await submitted.text()).toBe(200);
    await expect.poll(() => page.getByTestId('self-check-status').first().textContent()).toBe('待审核');
    await page.screenshot({ path: join(SCREENSHOTS, 'self-check-submitted.png'), fullPage: true });
    await page.context().close();

    const login = DEMO_DISTRICTS.find((d) => d.code === form.regionCode)!.login;
    const district = await loginPage(harness, { username: login, password: PASSWORD });
    await clickMenuItem(district, 'menu-compliance', 'menu-compliance-selfChecks');
    await district.locator('tr.ant-table-row').first().waitFor();
    await district.goto(`${harness.baseUrl}/self-checks?status=submitted`);
    await district.locator('tr.ant-table-row').filter({ hasText: '待审核' }).first().waitFor();
    await district.screenshot({ path: join(SCREENSHOTS, 'self-check-list-district.png'), fullPage: true });
    await district.goto(`${harness.baseUrl}/self-checks/${form.id}`);
    await district.getByTestId('sc-review-form').waitFor();
    for (const [key, text] of [
      ['onsiteProblems', '现场未发现问题'],
      ['onsiteMonitoring', '现场监测达标'],
      ['recentProblems', '近1年无环境问题'],
      ['opinion', '自查情况属实，同意'],
    ]) {
      await district.getByTestId(`sc-review-${key}`).fill(text!);
    }
    await district.getByTestId('sc-review-name').fill('李审核');
    const [reviewed] = await Promise.all([
      district.waitForResponse((r) => r.url().endsWith(`/self-checks/${form.id}/review`)),
      district.getByTestId('sc-review-submit').click(),
    ]);
    expect(reviewed.status(), await reviewed.text()).toBe(200);
    await district.getByTestId('sc-review-result').waitFor();
    await expect.poll(() => district.getByTestId('self-check-status').first().textContent()).toBe('审核通过');
    await district.screenshot({ path: join(SCREENSHOTS, 'self-check-approved.png'), fullPage: true });
    const docx = await district.request.get(`${harness.baseUrl}/api/v1/self-checks/${form.id}/export.docx`);
    expect(docx.status()).toBe(200);
    expect(docx.headers()['content-type']).toContain('wordprocessingml');
    await district.context().close();
  });
});
