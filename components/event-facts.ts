import { i18n } from '#i18n';
import { venueLine, type Event, type EventVenue } from '@/lib/event';
import { dayOf, uiLanguage, zonedFormat } from '@/lib/format';

/**
 * The venue on OpenStreetMap: a marker at its coordinates where the provider gave them, else a search for
 * its address; null when there is neither. OpenStreetMap rather than a commercial map: no account, no key,
 * and nothing of the user's is sent but the place they look at.
 */
export function mapUrl(venue: EventVenue | null): string | null {
  if (!venue) return null;
  if (venue.coordinates) {
    const { latitude, longitude } = venue.coordinates;
    const url = new URL('https://www.openstreetmap.org/');
    url.searchParams.set('mlat', String(latitude));
    url.searchParams.set('mlon', String(longitude));
    url.hash = `map=17/${latitude}/${longitude}`;
    return url.href;
  }
  const address = venueLine(venue);
  if (!address) return null;
  const url = new URL('https://www.openstreetmap.org/search');
  url.searchParams.set('query', address);
  return url.href;
}

/** "€20.00–€45.00", "€20.00", "Free", or that the provider did not say. */
export function priceText(event: Pick<Event, 'free' | 'price'>): string {
  if (event.free === true) return i18n.t('results.free');
  if (!event.price) return i18n.t('details.priceNotGiven');
  const { min, max, currency } = event.price;
  try {
    const money = new Intl.NumberFormat(uiLanguage(), { style: 'currency', currency });
    return min === max ? money.format(min) : money.formatRange(min, max);
  } catch {
    // A currency code Intl does not know: the figures as the provider gave them.
    return min === max ? `${min} ${currency}` : `${min}–${max} ${currency}`;
  }
}

/** When it ends, on its own clock (the day named only when it is not the start's), or null when unknown. */
export function endText(event: Pick<Event, 'start' | 'end'>): string | null {
  if (!event.end) return null;
  const end = new Date(event.end.utc);
  if (Number.isNaN(end.getTime())) return null;
  const zone = event.end.timezone;
  const sameDay = event.start.known === 'time' && dayOf(new Date(event.start.utc), zone) === dayOf(end, zone);
  return zonedFormat(zone, !sameDay).format(end);
}
