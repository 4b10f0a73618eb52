import { i18n, type GeneratedI18nStructure } from '#i18n';
import { browser } from 'wxt/browser';
import type { Problem, ProblemCode } from './problem';
import type { ProviderId } from './provider-id';
import type { DateRangeName, SearchQuery } from './query';
import type { InterestedEvent } from './interested';
import type { SavedSearch } from './saved-searches';
import type { SyncStatus } from './sync-settings';

/**
 * Codes into words, from locales/ through @wxt-dev/i18n: the one place that reads the locale files for
 * what lib/ reports, used by the pages and by the background's notifications alike. Every code maps to
 * its key in a static table, so an unused or missing key is found by a test (test/unit/words.test.ts).
 */

type Key = keyof GeneratedI18nStructure;

/** For keys looked up in a table: each code's words take their own parameters (or none). */
const translate = i18n.t as (key: Key, substitutions?: Record<string, string>) => string;

export const PROBLEM_KEYS = {
  cancelled: 'problem.cancelled',
  denied: 'problem.denied',
  unreachable: 'problem.unreachable',
  interrupted: 'problem.interrupted',
  'untrusted-response': 'problem.untrustedResponse',
  'exchange-failed': 'problem.exchangeFailed',
  'session-expired': 'problem.sessionExpired',
  'not-configured': 'problem.notConfigured',
  'not-signed-in': 'problem.notSignedIn',
  offline: 'problem.offline',
  'no-access': 'problem.noAccess',
  auth: 'problem.auth',
  forbidden: 'problem.forbidden',
  'rate-limit': 'problem.rateLimit',
  arguments: 'problem.arguments',
  'not-found': 'problem.notFound',
  server: 'problem.server',
  network: 'problem.network',
  malformed: 'problem.malformed',
  'key-refused': 'problem.keyRefused',
  'quota-spent': 'problem.quotaSpent',
  'no-key': 'problem.noKey',
  'over-budget': 'problem.overBudget',
  'nothing-saved': 'problem.nothingSaved',
  'sync-write-rate': 'problem.syncWriteRate',
  'sync-storage-full': 'problem.syncStorageFull',
  'sync-storage-failed': 'problem.syncStorageFailed',
  'saved-too-long': 'problem.savedTooLong',
  'saved-too-many': 'problem.savedTooMany',
  'saved-not-found': 'problem.savedNotFound',
  'interested-too-many': 'problem.interestedTooMany',
  'interested-too-long': 'problem.interestedTooLong',
  'name-empty': 'problem.nameEmpty',
  'name-too-long': 'problem.nameTooLong',
  'organizer-id-invalid': 'problem.organizerIdInvalid',
  'organizers-too-many': 'problem.organizersTooMany',
  'client-id-invalid': 'problem.clientIdInvalid',
  'interval-out-of-range': 'problem.intervalOutOfRange',
  'key-invalid': 'problem.keyInvalid',
  'key-unchecked': 'problem.keyUnchecked',
  'no-answer': 'problem.noAnswer',
  failed: 'problem.failed',
} as const satisfies Record<ProblemCode, Key>;

/** "14:00", "Tue 01:00": when something happens again, on the user's clock, the day named when not today. */
function clockTime(at: number, now = Date.now()): string {
  const sameDay = new Date(at).toDateString() === new Date(now).toDateString();
  return new Intl.DateTimeFormat(browser.i18n.getUILanguage(), {
    ...(sameDay ? {} : { weekday: 'short' }),
    hour: 'numeric',
    minute: '2-digit',
  }).format(at);
}

/** What a person reads for a problem; a wait the service asked for is said in seconds. */
export function problemText(problem: Problem): string {
  if (problem.code === 'rate-limit' && problem.params?.seconds !== undefined)
    return i18n.t('problem.rateLimitFor', { seconds: String(problem.params.seconds) });
  if (problem.code === 'quota-spent' && typeof problem.params?.until === 'number')
    return i18n.t('problem.quotaSpentUntil', { time: clockTime(problem.params.until) });
  const params = Object.fromEntries(
    Object.entries(problem.params ?? {}).map(([name, value]) => [name, String(value)]),
  );
  return translate(PROBLEM_KEYS[problem.code], params);
}

/** How a sync cycle ended: what it found, or why it stopped. */
export function syncOutcomeText(status: SyncStatus): string {
  return status.outcome.code === 'synced' ? i18n.t('sync.synced', status.found) : problemText(status.outcome);
}

export const DATE_RANGE_KEYS = {
  any: 'when.any',
  today: 'when.today',
  weekend: 'when.weekend',
  week: 'when.week',
  month: 'when.month',
} as const satisfies Record<DateRangeName, Key>;

/** A date range inside a description ("jazz · Berlin · this weekend"); "any" says nothing. */
const DESCRIBED_RANGE_KEYS = {
  today: 'saved.today',
  weekend: 'saved.weekend',
  week: 'saved.week',
  month: 'saved.month',
} as const satisfies Record<Exclude<DateRangeName, 'any'>, Key>;

/** "jazz · Berlin · this weekend", or "All events" for an empty query. */
export function describeQuery(query: SearchQuery): string {
  const parts = [
    query.text,
    query.place,
    query.when === 'any' ? '' : i18n.t(DESCRIBED_RANGE_KEYS[query.when]),
    query.onlineOnly ? i18n.t('saved.online') : '',
    query.freeOnly ? i18n.t('saved.free') : '',
  ].filter(Boolean);
  return parts.join(' · ') || i18n.t('saved.allEvents');
}

/** A saved search's own name, or its query described in the reader's language. */
export const savedSearchName = (saved: Pick<SavedSearch, 'name' | 'query'>): string =>
  saved.name ?? describeQuery(saved.query);

/** The notification for events a sync found: how many, in which search, and the first few titles. */
export function newEventsNotification(
  saved: Pick<SavedSearch, 'name' | 'query'>,
  titles: string[],
  shown: number,
): { title: string; message: string } {
  const more = titles.length - shown;
  const lines = titles.slice(0, shown);
  if (more > 0) lines.push(i18n.t('saved.notificationMore', { count: String(more) }));
  return {
    title: i18n.t('saved.notification', { count: String(titles.length), name: savedSearchName(saved) }),
    message: lines.join('\n'),
  };
}

/** A reminder: the event's title, and when (on the user's clock) and where it starts. */
export function reminderNotification(item: Pick<InterestedEvent, 'title' | 'start' | 'place' | 'online'>): {
  title: string;
  message: string;
} {
  const when = new Intl.DateTimeFormat(browser.i18n.getUILanguage(), {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(new Date(item.start.utc));
  const place = item.online ? i18n.t('results.online') : item.place;
  return {
    title: item.title,
    message: place
      ? i18n.t('reminders.startsAtPlace', { when, place })
      : i18n.t('reminders.startsAt', { when }),
  };
}

const PROVIDER_KEYS = {
  demo: 'provider.demo',
  eventbrite: 'provider.eventbrite',
  ticketmaster: 'provider.ticketmaster',
} as const satisfies Record<ProviderId, Key>;

/** "Demo", "Eventbrite": a provider as the user knows it. */
export const providerName = (id: ProviderId): string => i18n.t(PROVIDER_KEYS[id]);
