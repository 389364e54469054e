import { request as playwrightRequest, type APIRequestContext } from '@playwright/test';
import { test, expect, count } from './fixtures';

/** Logs in through next-auth's routes with any credentials; returns the email of the session, if any. */
async function loginWith(request: APIRequestContext, email: string, password: string): Promise<string | undefined> {
  const { csrfToken } = await (await request.get('/api/auth/csrf')).json();
  await request.post('/api/auth/callback/credentials', { form: { csrfToken, email, password, json: 'true' } });
  const session = await (await request.get('/api/auth/session')).json();
  return session?.user?.email;
}

test('an admin creates a user who can then log in; disabling them ends their session', async ({ adminPage: page, baseURL }) => {
  test.setTimeout(120_000); // one long user journey on a shared machine
  const email = `new-analyst-${Math.random().toString(36).slice(2, 7)}@example.org`;
  const password = 'Fresh-start-2026';
  await page.goto('/admin/users');
  await expect(page.getByRole('heading', { name: 'Users' })).toBeVisible();
  // The admin's own row offers no way to demote or disable themselves.
  await expect(page.getByRole('form', { name: 'Role of admin@example.org' })).toHaveCount(0);
  await expect(page.getByRole('form', { name: 'Access of admin@example.org' })).toHaveCount(0);
  await expect(page.getByText('This is you: another admin can change your role.')).toBeVisible();

  const form = page.getByRole('form', { name: 'New user' });
  await form.getByLabel('Email').fill(email);
  await form.getByLabel('Name').fill('New Analyst');
  await form.getByLabel('Role').selectOption('analyst');
  await form.getByLabel('Password').fill('onlyletters');
  await form.getByRole('button', { name: 'Create user' }).click();
  await expect(form.locator('.field').getByText('Use at least 10 characters, not only letters or only digits.', { exact: true })).toBeVisible();
  // The refused form is reset when the action's transition ends: the password is not kept, the rest is.
  await expect(form.getByRole('button', { name: 'Create user' })).toHaveAttribute('aria-busy', 'false');
  await expect(form.getByLabel('Password')).toHaveValue('');
  await expect(form.getByLabel('Email')).toHaveValue(email);
  await expect(form.getByLabel('Role')).toHaveValue('analyst');
  expect(count(`SELECT count(*) n FROM users WHERE email = ?`, email)).toBe(0);

  await form.getByLabel('Password').fill(password);
  await form.getByRole('button', { name: 'Create user' }).click();
  await expect(page.getByRole('status')).toContainText(`Created analyst ${email}`);
  await expect(page.getByRole('row', { name: new RegExp(email) })).toBeVisible();
  expect(count(`SELECT count(*) n FROM users WHERE email = ? AND role = 'analyst' AND password_hash LIKE 'scrypt$%'`, email)).toBe(1);

  // A duplicate email is refused beside the field.
  await expect(form.getByRole('button', { name: 'Create user' })).toHaveAttribute('aria-busy', 'false');
  await expect(form.getByLabel('Email')).toHaveValue('');
  await form.getByLabel('Email').fill(email.toUpperCase());
  await form.getByLabel('Name').fill('Twin');
  await form.getByLabel('Password').fill(password);
  await form.getByRole('button', { name: 'Create user' }).click();
  await expect(form.locator('.field').getByText('A user with this email already exists.')).toBeVisible();

  const newcomer: APIRequestContext = await playwrightRequest.newContext({ baseURL });
  try {
    expect(await loginWith(newcomer, email, 'wrong-password-1')).toBeUndefined();
    expect(await loginWith(newcomer, email, password)).toBe(email);
    expect((await newcomer.get('/negotiations/new')).status()).toBe(200);
    expect(await (await newcomer.get('/negotiations/new')).text()).toContain('Create negotiation');

    // Change the role: applies at the next request (the session version was bumped, so they sign in again).
    const row = page.getByRole('row', { name: new RegExp(email) });
    const role = row.getByRole('form', { name: `Role of ${email}` });
    await role.getByLabel('Role').selectOption('viewer');
    await role.getByRole('button', { name: 'Change role' }).click();
    await expect(role.getByRole('status')).toContainText('Role changed to viewer');
    expect(count(`SELECT count(*) n FROM users WHERE email = ? AND role = 'viewer'`, email)).toBe(1);
    expect((await (await newcomer.get('/api/auth/session')).json())?.user).toBeUndefined();

    expect(await loginWith(newcomer, email, password)).toBe(email);
    await row.getByRole('form', { name: `Access of ${email}` }).getByRole('button', { name: 'Disable' }).click();
    await expect(row.getByText('disabled', { exact: true })).toBeVisible();
    expect((await (await newcomer.get('/api/auth/session')).json())?.user).toBeUndefined();
    expect(await loginWith(newcomer, email, password)).toBeUndefined();

    await row.getByRole('form', { name: `Access of ${email}` }).getByRole('button', { name: 'Enable' }).click();
    await expect(row.getByText('active', { exact: true })).toBeVisible();
    const reset = row.getByRole('form', { name: `Password of ${email}` });
    await reset.getByLabel('New password').fill('Another-start-2026');
    await reset.getByRole('button', { name: 'Reset password' }).click();
    await expect(reset.getByRole('status')).toContainText('Password reset');
    expect(await loginWith(newcomer, email, password)).toBeUndefined();
    expect(await loginWith(newcomer, email, 'Another-start-2026')).toBe(email);
  } finally {
    await newcomer.dispose();
  }
});

test('an analyst is refused the users page and cannot create users', async ({ analystPage: page }) => {
  await page.goto('/admin/users');
  await expect(page.getByRole('heading', { name: 'Not available to your role' })).toBeVisible();
  await expect(page.getByText('Managing users needs the admin role.')).toBeVisible();
  await expect(page.getByRole('form')).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Users' })).toHaveCount(0);
});
