import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { providerKey } from '../lib/provider-id.ts';

/**
 * The floors the product is measured against, written into the unpacked bench build (same origin, same
 * styles) and never into a store build: they exist only in the temporary folder a bench run builds.
 */

/** The popup's own DOM with its results, pre-rendered: what painting with no JavaScript at all costs. */
export async function writeStaticPopup(popup: Page, extensionDir: string): Promise<string> {
  const html = await popup.evaluate(() => {
    // Input values are properties; make them attributes so the static copy shows the same text.
    for (const input of document.querySelectorAll('input')) input.setAttribute('value', input.value);
    return document.documentElement.outerHTML;
  });
  const stripped = html
    .replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, '')
    .replace(/<link rel="modulepreload"[^>]*>/g, '');
  await writeFile(join(extensionDir, 'bench-static.html'), `<!doctype html>\n${stripped}`);
  return 'bench-static.html';
}

/** The line under a result, as the popup has it: where, the source, and the "Details" and "Interested" buttons. */
const WHERE_LINE = `function whereLine(text, source) {
  const where = element('p', 'event-where');
  const details = element('button', 'secondary', 'Details');
  const interested = element('button', 'secondary', 'Interested');
  details.type = interested.type = 'button';
  interested.setAttribute('aria-pressed', 'false');
  where.append(element('span', 'venue', text), element('span', 'source', source), details, interested);
  return where;
}
`;

/** What the plain search pages share: where the demo provider's tokens are, the popup's date format, and a DOM element with its class and text. */
const SEARCH_PAGE_HELPERS = `const TOKENS_KEY = ${JSON.stringify(providerKey('demo', 'tokens'))};
const format = (timeZone) => new Intl.DateTimeFormat(undefined, { timeZone, weekday: 'short', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' });
function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}
${WHERE_LINE}`;

/** A bare page in the bench build with the popup's styles, some body markup and one plain script. */
async function writePlainPage(
  extensionDir: string,
  name: string,
  body: string,
  script: string,
): Promise<string> {
  const popupHtml = await readFile(join(extensionDir, 'popup.html'), 'utf8');
  const styles = [...popupHtml.matchAll(/<link rel="stylesheet"[^>]*>/g)].map((match) => match[0]).join('\n');
  await writeFile(
    join(extensionDir, `${name}.html`),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${name}</title>${styles}</head><body>${body}<script src="/${name}.js"></script></body></html>`,
  );
  await writeFile(join(extensionDir, `${name}.js`), script);
  return `${name}.html`;
}

/**
 * A plain page that fetches the same search from the API and renders the same list with plain DOM:
 * the floor for a search that is not cached.
 */
export function writePlainSearchPage(extensionDir: string, apiBase: string): Promise<string> {
  return writePlainPage(
    extensionDir,
    'bench-plain-search',
    '<main class="popup"><div class="results"><ul class="events" aria-label="Events"></ul></div></main>',
    `const API = ${JSON.stringify(apiBase)};
const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
${SEARCH_PAGE_HELPERS}window.benchSearch = async (place) => {
  const start = performance.now();
  const tokens = (await chrome.storage.local.get(TOKENS_KEY))[TOKENS_KEY];
  const url = new URL(API + '/events/search/');
  url.search = new URLSearchParams({ expand: 'venue', 'start_date.range_start': new Date().toISOString().slice(0, 19), 'location.address': place }).toString();
  const body = await (await fetch(url, { headers: { authorization: 'Bearer ' + tokens.accessToken } })).json();
  const list = document.querySelector('.events');
  const items = body.events.map((event) => {
    const item = element('li', 'event');
    const title = element('a', 'event-title', event.name.text);
    title.href = event.url;
    title.setAttribute('elementtiming', 'event-title');
    const when = element('p', 'event-when');
    when.append(element('time', '', format(event.start.timezone).format(new Date(event.start.utc))), ' ', element('span', 'zone', event.start.timezone.split('/').pop() + ' time'));
    if (event.start.timezone !== zone) when.append(element('span', 'yours', ' · ' + format(zone).format(new Date(event.start.utc)) + ' your time'));
    item.append(title, when, whereLine(event.venue ? event.venue.name + ', ' + event.venue.address.city : 'Online', 'Demo'));
    return item;
  });
  list.replaceChildren(...items);
  return start;
};
`,
  );
}

/**
 * A plain page that fetches the same search from the demo API and Ticketmaster's Discovery in parallel,
 * merges them in start order, holding what starts after the earliest last start of a side with more (as
 * lib/merge.ts does), and renders the list with plain DOM: the floor for a search over both providers.
 */
export function writePlainMergedPage(
  extensionDir: string,
  apiBase: string,
  discoveryBase: string,
  apiKey: string,
): Promise<string> {
  return writePlainPage(
    extensionDir,
    'bench-plain-merged',
    '<main class="popup"><div class="results"><ul class="events" aria-label="Events"></ul></div></main>',
    `const API = ${JSON.stringify(apiBase)};
const DISCOVERY = ${JSON.stringify(discoveryBase)};
const KEY = ${JSON.stringify(apiKey)};
${SEARCH_PAGE_HELPERS}async function demo(place) {
  const tokens = (await chrome.storage.local.get(TOKENS_KEY))[TOKENS_KEY];
  const url = new URL(API + '/events/search/');
  url.search = new URLSearchParams({ expand: 'venue', 'start_date.range_start': new Date().toISOString().slice(0, 19), 'location.address': place }).toString();
  const body = await (await fetch(url, { headers: { authorization: 'Bearer ' + tokens.accessToken } })).json();
  const events = body.events.map((event) => ({ title: event.name.text, url: event.url, utc: new Date(event.start.utc).toISOString(), zone: event.start.timezone, where: event.venue ? event.venue.name + ', ' + event.venue.address.city : 'Online', source: 'Demo' }));
  return { events, more: body.pagination.has_more_items };
}
async function ticketmaster(place) {
  const url = new URL(DISCOVERY + '/events.json');
  url.search = new URLSearchParams({ apikey: KEY, city: place, sort: 'date,asc', size: '50', page: '0' }).toString();
  const body = await (await fetch(url)).json();
  const events = (body._embedded ? body._embedded.events : []).map((event) => {
    const venue = event._embedded ? event._embedded.venues[0] : null;
    const zone = event.dates.timezone || (venue && venue.timezone) || 'UTC';
    return { title: event.name, url: event.url, utc: event.dates.start.dateTime ? new Date(event.dates.start.dateTime).toISOString() : event.dates.start.localDate + 'T00:00:00.000Z', zone, where: venue ? venue.name + ', ' + venue.city.name : '', source: 'Ticketmaster' };
  });
  return { events, more: body.page.totalPages > 1 };
}
window.benchSearch = async (place) => {
  const start = performance.now();
  const sides = await Promise.all([demo(place), ticketmaster(place)]);
  const horizons = sides.filter((side) => side.more && side.events.length).map((side) => side.events[side.events.length - 1].utc);
  const horizon = horizons.length ? horizons.sort()[0] : null;
  const merged = sides.flatMap((side) => side.events).filter((event) => horizon === null || event.utc <= horizon).sort((a, b) => (a.utc < b.utc ? -1 : a.utc > b.utc ? 1 : 0));
  const items = merged.map((event) => {
    const item = element('li', 'event');
    const title = element('a', 'event-title', event.title);
    title.href = event.url;
    title.setAttribute('elementtiming', 'event-title');
    const when = element('p', 'event-when');
    when.append(element('time', '', format(event.zone).format(new Date(event.utc))), ' ', element('span', 'zone', event.zone.split('/').pop() + ' time'));
    item.append(title, when, whereLine(event.where, event.source));
    return item;
  });
  document.querySelector('.events').replaceChildren(...items);
  return { start, count: items.length };
};
`,
  );
}

/**
 * A plain page that keeps the same texts in an array, runs Array.filter over them on each keystroke and
 * paints the same items with plain DOM: the floor for filtering while typing.
 */
export function writePlainFilterPage(extensionDir: string, limit: number): Promise<string> {
  return writePlainPage(
    extensionDir,
    'bench-plain-filter',
    '<main class="popup"><input type="search" class="searchbox" aria-label="Search events"><div class="results"><ul class="events" aria-label="Events"></ul></div></main>',
    `const LIMIT = ${limit};
const events = [];
window.benchAdd = (records) => { events.push(...records); events.sort((a, b) => a.start.utc.localeCompare(b.start.utc)); };
const fold = (text) => text.normalize('NFKD').replace(/\\p{M}/gu, '').toLowerCase();
const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
const formats = new Map();
const format = (timeZone) => {
  if (!formats.has(timeZone)) formats.set(timeZone, new Intl.DateTimeFormat(undefined, { timeZone, weekday: 'short', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' }));
  return formats.get(timeZone);
};
function element(tag, className, text) {
  const node = document.createElement(tag);
  node.className = className;
  node.textContent = text;
  return node;
}
${WHERE_LINE}document.querySelector('.searchbox').addEventListener('input', (event) => {
  performance.mark('filter-start');
  const words = fold(event.target.value).split(/[^\\p{L}\\p{N}]+/u).filter(Boolean);
  const matches = events.filter((record) => words.every((word) => record.text.includes(word))).slice(0, LIMIT);
  performance.measure('filter', 'filter-start');
  document.querySelector('.events').replaceChildren(...matches.map((record) => {
    const item = element('li', 'event', '');
    const title = element('a', 'event-title', record.title);
    title.href = record.url;
    title.setAttribute('elementtiming', 'event-title');
    const start = new Date(record.start.utc);
    const when = element('p', 'event-when', '');
    when.append(element('time', '', format(record.start.timezone).format(start)), ' ', element('span', 'zone', record.start.timezone.split('/').pop().replace(/_/g, ' ') + ' time'));
    if (record.start.timezone !== zone) when.append(element('span', 'yours', ' · ' + format(zone).format(start) + ' your time'));
    item.append(title, when, whereLine(record.venue ? record.venue.name + ', ' + record.venue.city : 'Online', 'Demo'));
    return item;
  }));
});
`,
  );
}
