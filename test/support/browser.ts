import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { REPO_ROOT } from '@carbon-ets/network';
import { demoPassword, serverUrl } from './member-servers';

/** Debian's Chromium (installed by `npm test` when missing); a test never downloads a browser. */
export const CHROMIUM = process.env.CARBON_CHROMIUM ?? '/usr/bin/chromium';

/** Where the console's screenshots go (git-ignored). */
export const SCREENSHOTS = path.join(REPO_ROOT, 'test-results', 'console');

/** Starts headless Chromium with the flags this machine needs (no sandbox as root, no background traffic). */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A user's console: a browser context of its own (its own cookie), logged in to its org's server. */
export interface ConsoleUser {
  readonly page: Page;
  /** Console errors the page printed, for the test to assert there are none. */
  readonly consoleErrors: string[];
  screenshot(name: string): Promise<void>;
  close(): Promise<void>;
}

/** Opens `organization`'s console as `user` and logs in through the login form. */
export async function openConsole(
  browser: Browser,
  organization: string,
  user: string,
): Promise<ConsoleUser> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    // A refused request prints the browser's own "Failed to load resource" line; the tests provoke some.
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
      consoleErrors.push(message.text());
    }
  });
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  await page.goto(serverUrl(organization));
  await page.getByLabel('User name').fill(user);
  await page.getByLabel('Password').fill(demoPassword(organization, user));
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByTestId('who').waitFor();
  return {
    page,
    consoleErrors,
    screenshot: async (name) => {
      mkdirSync(SCREENSHOTS, { recursive: true });
      await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
    },
    close: () => context.close(),
  };
}
