/**
 * Staff accounts made the way a province makes them: the first administrator from the setup link
 * the server printed, the others on the Users page, passwords reset with a one-time link. Each
 * helper drives the real screens and waits until the server has confirmed.
 */
import type { Page } from 'playwright-core';
import type { Role } from '../../../db/schema/staff.ts';

export interface Person {
  username: string;
  displayName: string;
  password: string;
}

/** The setup link in what the server printed at start, or undefined while it has not printed one. */
export function printedSetupUrl(output: string): string | undefined {
  return output.match(/https?:\/\/\S+\/staff\/setup#[A-Za-z0-9_-]+/)?.[0];
}

async function fillNewPassword(page: Page, password: string): Promise<void> {
  await page.locator('input[name=new-password]').fill(password);
  await page.locator('input[name=new-password-again]').fill(password);
}

/** Opens the setup link, creates the first administrator and waits until they are logged in on the Users page. */
export async function setUpFirstAdmin(page: Page, setupUrl: string, admin: Person): Promise<void> {
  await page.goto(setupUrl);
  await page.locator('input[name=username]').fill(admin.username);
  await page.locator('input[name=display-name]').fill(admin.displayName);
  await fillNewPassword(page, admin.password);
  await page.locator('button[type=submit]').click();
  await page.locator('[data-user]').first().waitFor();
}

/** On the Users page of a logged-in administrator: a new account, waiting until it is listed. */
export async function createStaffAccount(page: Page, person: Person & { role: Role }): Promise<void> {
  if (!new URL(page.url()).pathname.endsWith('/staff/users')) await page.goto(new URL('/staff/users', page.url()).href);
  await page.locator('input[name=new-username]').fill(person.username);
  await page.locator('form[aria-labelledby=create-user-title] input[name=display-name]').fill(person.displayName);
  await page.locator('form[aria-labelledby=create-user-title] select[name=role]').selectOption(person.role);
  await page.locator('form[aria-labelledby=create-user-title] input[name=new-password]').fill(person.password);
  await page.locator('form[aria-labelledby=create-user-title] button[type=submit]').click();
  await page.locator(`[data-user="${person.username}"]`).waitFor();
}

/** On the Users page: issues a reset code for the account and returns the one-time link shown. */
export async function issuePasswordReset(page: Page, username: string): Promise<string> {
  await page
    .locator(`[data-user="${username}"] .actions button`)
    .filter({ hasText: /đặt lại|reset/i })
    .click();
  const link = page.locator('[data-reset-link]');
  await link.waitFor();
  return (await link.getAttribute('href'))!;
}

/** Opens a reset link and sets the new password with it, waiting for the confirmation. */
export async function setPasswordWithLink(page: Page, link: string, password: string): Promise<void> {
  await page.goto(link);
  await fillNewPassword(page, password);
  await page.locator('button[type=submit]').click();
  await page.locator('.notice.done').waitFor();
}

/** Logs in with a name and password on the staff log-in page, waiting for the role's navigation. */
export async function logInWith(page: Page, staffUrl: string, username: string, password: string): Promise<void> {
  await page.goto(staffUrl);
  await page.locator('input[name=username]').fill(username);
  await page.locator('input[name=password]').fill(password);
  await page.locator('button[type=submit]').click();
  await page.locator('nav').waitFor();
}
