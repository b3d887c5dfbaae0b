import type { Locator, Page } from 'playwright-core';

/** How long a console action may take: a write is endorsed, ordered and committed before it answers. */
const ACTION_MS = 30_000;

/** A section of a page by its title (each is a `<section aria-label>`). */
export const section = (page: Page, title: string): Locator =>
  page.getByRole('region', { name: title, exact: true });

/**
 * Fills fields of a section (or a form in it) by their exact labels. A form may prefill a field once its data
 * arrives (the operator's first installation): a prefill landing between Playwright's select-all and its typing
 * ends up in front of the typed text, so a field that does not read back as filled is filled again.
 */
export async function fill(where: Locator, fields: Record<string, string>): Promise<void> {
  for (const [label, value] of Object.entries(fields)) {
    const field = where.getByLabel(label, { exact: true });
    for (let attempt = 1; ; attempt++) {
      await field.fill(value);
      if ((await field.inputValue()) === value || attempt === 3) break;
    }
  }
}

/**
 * Clicks a button and waits for the outcome line of `where` (role status) — one matching `expected` when given,
 * so an earlier action's line is not taken for this one's — failing with the error line (role alert) instead.
 * Returns the outcome's text.
 */
export async function act(where: Locator, button: string, expected?: RegExp): Promise<string> {
  await where.getByRole('button', { name: button, exact: true }).click();
  const status = where.getByRole('status').filter(expected === undefined ? {} : { hasText: expected });
  await Promise.race([
    status.first().waitFor({ timeout: ACTION_MS }),
    where
      .getByRole('alert')
      .first()
      .waitFor({ timeout: ACTION_MS })
      .then(async () => {
        throw new Error(`${button}: ${await where.getByRole('alert').first().innerText()}`);
      }),
  ]);
  return status.first().innerText();
}

/** Clicks a button whose action must be refused and returns the error line shown (role alert). */
export async function refusedAct(where: Locator, button: string): Promise<string> {
  await where.getByRole('button', { name: button, exact: true }).click();
  const alert = where.getByRole('alert').first();
  await alert.waitFor({ timeout: ACTION_MS });
  return alert.innerText();
}
