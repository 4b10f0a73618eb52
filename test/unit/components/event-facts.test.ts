import { describe, expect, test } from 'vitest';
import { exactStart } from '@/lib/event';
import { endText, mapUrl, priceText } from '@/components/event-facts';
import { sampleEvent } from '../../support/events';

const hall = { name: 'Salle Pleyel', city: 'Paris', address: '252 Rue du Faubourg Saint-Honoré, Paris' };

describe('mapUrl', () => {
  test('a marker at the venue’s coordinates', () => {
    const url = new URL(mapUrl({ ...hall, coordinates: { latitude: 48.8776, longitude: 2.3007 } })!);
    expect(url.origin).toBe('https://www.openstreetmap.org');
    expect(Object.fromEntries(url.searchParams)).toEqual({ mlat: '48.8776', mlon: '2.3007' });
    expect(url.hash).toBe('#map=17/48.8776/2.3007');
  });

  test('without coordinates, a search for the venue and its address, escaped', () => {
    const url = new URL(mapUrl({ ...hall, coordinates: null })!);
    expect(url.pathname).toBe('/search');
    expect(url.searchParams.get('query')).toBe('Salle Pleyel, 252 Rue du Faubourg Saint-Honoré, Paris');
  });

  test('nothing to find: no link', () => {
    expect(mapUrl(null)).toBeNull();
    expect(mapUrl({ name: '', city: '', address: '', coordinates: null })).toBeNull();
  });
});

describe('priceText', () => {
  test('a range, one price, Free, or that the provider did not say', () => {
    expect(priceText({ free: null, price: { min: 20, max: 45.5, currency: 'EUR' } })).toMatch(
      /^€20\.00\s?[–-]\s?€45\.50$/,
    );
    expect(priceText({ free: false, price: { min: 12, max: 12, currency: 'USD' } })).toBe('$12.00');
    expect(priceText({ free: true, price: null })).toBe('Free');
    expect(priceText({ free: null, price: null })).toBe('Not given');
  });

  test('a currency Intl does not know is shown as the provider gave it', () => {
    expect(priceText({ free: false, price: { min: 5, max: 9, currency: 'NOT-A-CODE' } })).toBe(
      '5–9 NOT-A-CODE',
    );
  });
});

describe('endText', () => {
  const start = exactStart({ utc: '2031-01-04T18:00:00.000Z', timezone: 'Europe/Paris' });

  test('the time alone when it ends on the day it starts, on its own clock', () => {
    const end = { utc: '2031-01-04T21:30:00.000Z', timezone: 'Europe/Paris' };
    expect(endText(sampleEvent({ start, end }))).toMatch(/^10:30\sPM$/);
  });

  test('the day too when it ends on another', () => {
    const end = { utc: '2031-01-05T23:30:00.000Z', timezone: 'Europe/Paris' };
    expect(endText(sampleEvent({ start, end }))).toMatch(/^Mon, Jan 6, 12:30\sAM$/);
  });

  test('no end, or one that is no instant: nothing', () => {
    expect(endText(sampleEvent({ start, end: null }))).toBeNull();
    expect(endText(sampleEvent({ start, end: { utc: 'soon', timezone: 'UTC' } }))).toBeNull();
  });
});
