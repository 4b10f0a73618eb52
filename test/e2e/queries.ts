import type { Browser, Page } from 'puppeteer-core';

// Role-and-name queries for puppeteer-core, in both browsers: its ARIA selectors (`::-p-aria`) match an
// element by role and exact accessible name, `::-p-text` by the text it shows, and `a b` finds b
// anywhere inside a. Actions wait for the element to be visible and use real input. Not puppeteer's
// locators: with Firefox ESR 140 their click never finds the element stable on an extension page.

/** The element with this role and (when given) exactly this accessible name. */
export function role(role: string, name?: string): string {
  if (name?.includes('"')) throw new Error(`a name with a double quote cannot be queried: ${name}`);
  return `::-p-aria(${name === undefined ? '' : `[name="${name}"]`}[role="${role}"])`;
}

/** The input its label names exactly `label` (Firefox gives the label element the same name). */
export function field(label: string): string {
  if (label.includes('"')) throw new Error(`a name with a double quote cannot be queried: ${label}`);
  return `input::-p-aria([name="${label}"])`;
}

/** The smallest element showing this text. */
export const text = (shown: string) => `::-p-text(${shown})`;

/** `inner` anywhere inside `scope`. */
export const inside = (scope: string, inner: string) => `${scope} ${inner}`;

export const EVENTS = role('list', 'Events');
export const EVENT_ITEMS = inside(EVENTS, 'li');
export const SEARCHBOX = role('searchbox', 'Search events');

/** The element once it is there (and visible, when asked); fails after `timeout`. */
async function waitForElement(page: Page, selector: string, { visible = false, timeout = 15_000 } = {}) {
  // Chromium updates the accessibility tree of a tab in front only: a user looks at the page too.
  await page.bringToFront();
  const handle = await page.waitForSelector(selector, { visible, timeout });
  if (!handle) throw new Error(`${selector} did not appear`);
  return handle;
}

/** Whether the page is Firefox's: over WebDriver BiDi, keyboard input is one character at a time. */
const firefox = new WeakMap<Browser, Promise<boolean>>();
function isFirefox(page: Page): Promise<boolean> {
  const browser = page.browser();
  let answer = firefox.get(browser);
  if (!answer) {
    answer = browser.version().then((version) => version.toLowerCase().includes('firefox'));
    firefox.set(browser, answer);
  }
  return answer;
}

/** Clicks the element as a user would (the mouse, at its middle). */
export async function click(page: Page, selector: string): Promise<void> {
  const handle = await waitForElement(page, selector, { visible: true });
  await handle.click();
  await handle.dispose();
}

/**
 * Replaces a field's text in one input event (as a paste does; typed in Firefox), or chooses the option
 * with this value in a select box.
 */
export async function fill(page: Page, selector: string, value: string): Promise<void> {
  const handle = await waitForElement(page, selector, { visible: true });
  if (await handle.evaluate((element) => element instanceof HTMLSelectElement)) await handle.select(value);
  else {
    await handle.evaluate((field) => {
      (field as HTMLInputElement).focus();
      (field as HTMLInputElement).select();
    });
    if (!value) await page.keyboard.press('Backspace');
    else if (await isFirefox(page)) await page.keyboard.type(value);
    else await page.keyboard.sendCharacter(value);
  }
  await handle.dispose();
}

/** Resolves once an element matches; fails after `timeout`. */
export async function appears(page: Page, selector: string, timeout = 15_000): Promise<void> {
  await (await waitForElement(page, selector, { timeout })).dispose();
}

export const count = (page: Page, selector: string) => page.$$eval(selector, (elements) => elements.length);
export const texts = (page: Page, selector: string) =>
  page.$$eval(selector, (elements) => elements.map((element) => element.textContent ?? ''));
/** The text of the first match, or null when nothing matches. */
export const textOf = async (page: Page, selector: string) => (await texts(page, selector))[0] ?? null;
/** The text of the element once it is there. */
export async function shownText(page: Page, selector: string, timeout = 15_000): Promise<string> {
  const handle = await waitForElement(page, selector, { timeout });
  const shown = await handle.evaluate((element) => element.textContent ?? '');
  await handle.dispose();
  return shown;
}
export const attribute = (page: Page, selector: string, name: string) =>
  page.$eval(selector, (element, name) => element.getAttribute(name), name);
export const valueOf = (page: Page, selector: string) =>
  page.$eval(selector, (element) => (element as HTMLInputElement).value);

/** The visible text of the page, for "is it there yet" checks. */
export const pageText = (page: Page) => page.evaluate(() => document.body.innerText);

/** Types `value` into the search box and presses Enter, as a user runs a search. */
export async function search(page: Page, value: string): Promise<void> {
  await fill(page, SEARCHBOX, value);
  await page.keyboard.press('Enter');
}

/** Chooses the option a user reads as `label` in the select box `selector`. */
export async function selectByLabel(page: Page, selector: string, label: string): Promise<void> {
  const value = await page.$eval(
    selector,
    (select, label) =>
      [...(select as HTMLSelectElement).options].find((option) => option.label === label)?.value,
    label,
  );
  if (value === undefined) throw new Error(`no option “${label}” in ${selector}`);
  await fill(page, selector, value);
}

/** The texts of the list items that show `shown`, each item's own text. */
export const itemsShowing = (page: Page, shown: string) =>
  page.$$eval(
    EVENT_ITEMS,
    (items, shown) => items.map((item) => item.textContent ?? '').filter((text) => text.includes(shown)),
    shown,
  );
