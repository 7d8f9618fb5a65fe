// An operator in the console: signs in, replays a dead letter and sees it leave, watches a
// registration's event arrive live. Screenshots of each step go to FLUX_PLAYWRIGHT_OUTPUT.
import { test, expect } from '@playwright/test';

const env = (name) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: OperatorConsoleBrowserTests runs this test`);
  return value;
};
const shots = process.env.FLUX_PLAYWRIGHT_OUTPUT || 'target';

test('an operator replays a dead letter and sees events live', async ({ page, request }) => {
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));

  await page.goto('/');
  await page.getByLabel('Email or username').fill(env('FLUX_OPERATOR_LOGIN'));
  await page.getByLabel('Password').fill(env('FLUX_OPERATOR_PASSWORD'));
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.locator('#console')).toBeVisible();
  await expect(page.locator('#outbox tbody tr')).toHaveCount(4);
  await expect(page.locator('#stream-state')).toHaveText(/streaming through/);
  await page.screenshot({ path: `${shots}/1-signed-in.png`, fullPage: true });

  // The dead letter, with its error; replayed after the confirmation, it leaves the list.
  const letter = page.locator(`#dead-letters tbody tr[data-service="user"][data-id="${env('FLUX_DEAD_LETTER_ID')}"]`);
  await expect(letter).toBeVisible();
  await expect(letter).toContainText('user.updated');
  await page.screenshot({ path: `${shots}/2-dead-letter.png`, fullPage: true });
  page.once('dialog', (dialog) => dialog.accept());
  await letter.getByRole('button', { name: 'Replay' }).click();
  await expect(letter).toHaveCount(0);
  await page.screenshot({ path: `${shots}/3-replayed.png`, fullPage: true });

  // A registration through auth-service's API, as a new user would: its user.created arrives live.
  const suffix = Math.random().toString(36).slice(2, 12);
  const registered = await request.post(`${env('FLUX_AUTH_URL')}/api/auth/register`, {
    data: { email: `live.${suffix}@example.com`, username: `live_${suffix}`, password: `correct horse ${suffix}` },
  });
  expect(registered.status()).toBe(201);
  const account = (await registered.json()).account.id;
  const live = page.locator('#events tbody tr', { hasText: account });
  await expect(live.filter({ hasText: 'user.created' })).toBeVisible();
  await page.getByLabel('Filter').fill(account);
  await expect(page.locator('#events tbody tr:not([hidden])').first()).toContainText(account);
  await page.screenshot({ path: `${shots}/4-event-live.png`, fullPage: true });

  await expect(page.locator('#error')).toHaveText('');
  expect(errors).toEqual([]);
});
