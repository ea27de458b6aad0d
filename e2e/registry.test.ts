// Browser test of the registry (一企一档): login, search, detail, edit with history, field errors.
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, loginPage, SCREENSHOTS, startHarness } from './server-harness';

let harness: Harness;

const text = async (locator: Locator) => ((await locator.textContent()) ?? '').trim();

beforeAll(async () => {
  harness = await startHarness();
});

afterAll(async () => {
  await harness?.stop();
});

async function openList(page: Page): Promise<void> {
  await page.goto(`${harness.baseUrl}/enterprises`);
  await page.getByTestId('enterprise-row').first().waitFor();
}

/** Waits for the list answer that follows an action (search, filter) and for the table to settle. */
async function searchList(page: Page, query: string): Promise<void> {
  // antd puts the test id on the <input> itself; accept a wrapper too.
  const box = page
    .locator('input[data-testid="enterprise-search"], [data-testid="enterprise-search"] input')
    .first();
  await box.fill(query);
  await Promise.all([
    page.waitForResponse(
      (r) =>
        r.url().includes('/api/v1/enterprises?') && r.url().includes('q=') && r.request().method() === 'GET',
    ),
    box.press('Enter'),
  ]);
  await page.locator('.ant-spin-blur').waitFor({ state: 'detached' });
}

describe('registry in the browser', () => {
  it('finds an enterprise, edits its contact phone and shows the change in the history', async () => {
    const page = await loginPage(harness);
    await openList(page);
    const name = await text(page.getByTestId('enterprise-link').nth(2));
    expect(name.length).toBeGreaterThan(2);

    await searchList(page, name);
    expect(new URL(page.url()).searchParams.get('q')).toBe(name);
    const rows = page.getByTestId('enterprise-row');
    await expect.poll(() => rows.count()).toBeGreaterThanOrEqual(1);
    expect(await text(rows.first().getByTestId('enterprise-link'))).toBe(name);
    await page.screenshot({ path: join(SCREENSHOTS, 'enterprise-list.png'), fullPage: true });

    await rows.first().getByTestId('enterprise-link').click();
    await expect.poll(() => text(page.getByTestId('enterprise-name'))).toBe(name);
    await page.screenshot({ path: join(SCREENSHOTS, 'enterprise-detail.png'), fullPage: true });

    const phone = `139${String(Date.now()).slice(-8)}`;
    await page.getByTestId('edit-button').click();
    const field = page.getByTestId('field-envContactPhone');
    await field.waitFor();
    await field.fill(phone);
    const [saved] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'PATCH' && r.url().includes('/enterprises/')),
      page.getByTestId('save-button').click(),
    ]);
    expect(saved.status()).toBe(200);
    await expect.poll(() => text(page.getByTestId('env-contact-phone'))).toBe(phone);

    await page.getByTestId('tab-history').click();
    const entry = page.getByTestId('history-row').filter({ hasText: phone });
    await entry.first().waitFor();
    expect(await text(entry.first())).toContain('环保负责人电话');
    expect(new URL(page.url()).searchParams.get('tab')).toBe('history');
    await page.screenshot({ path: join(SCREENSHOTS, 'enterprise-history.png'), fullPage: true });
    await page.context().close();
  });

  it("shows the server's message at the credit-code field when it is invalid", async () => {
    const page = await loginPage(harness);
    await openList(page);
    await page.getByTestId('new-enterprise').click();
    const form = page.getByTestId('enterprise-form');
    await form.waitFor();
    await page.getByTestId('field-name').fill('端到端测试化工有限公司');
    // 18 characters in the right alphabet, but the check digit (GB 32100) is wrong.
    await page.getByTestId('field-creditCode').fill('91430900MA4L7XQ00A');
    await form.locator('#regionCode').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();

    const [response] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/api/v1/enterprises')),
      page.getByTestId('save-button').click(),
    ]);
    expect([400, 409, 422]).toContain(response.status());
    const problem = (await response.json()) as { errors?: { path: string; message: string }[] };
    const serverMessage = problem.errors?.find((e) => e.path === '/creditCode')?.message;
    expect(serverMessage).toBeTruthy();

    const item = form.locator('.ant-form-item', { has: page.getByTestId('field-creditCode') });
    const shown = item.locator('.ant-form-item-explain-error');
    await shown.first().waitFor();
    expect(await text(shown.first())).toBe(serverMessage);
    await page.screenshot({ path: join(SCREENSHOTS, 'enterprise-invalid-credit-code.png') });
    await page.context().close();
  });

  it('sends anonymous visitors to the login page and keeps where they wanted to go', async () => {
    const context = await harness.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${harness.baseUrl}/enterprises?controlLevel=national`);
    await page.getByTestId('login-form').waitFor();
    expect(new URL(page.url()).pathname).toBe('/login');
    await context.close();
  });
});
