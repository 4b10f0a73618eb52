import { describe, expect, test } from 'vitest';
import { eventSearchText } from '@/lib/event';
import { EMPTY_QUERY, normalizeQuery } from '@/lib/query';
import { foldQuery, matchesPlace, matchesQuery, matchesWords, placeText, textWords } from '@/lib/text-match';
import { sampleEvent } from '../../support/events';

describe('textWords', () => {
  test('folds case and accents and splits on anything that is not a letter or a digit', () => {
    expect(textWords('  Café-Konzert, 2. Akt!  ')).toEqual(['cafe', 'konzert', '2', 'akt']);
    expect(textWords(' \t—… ')).toEqual([]);
  });
});

describe('matchesWords', () => {
  const text = eventSearchText(sampleEvent({ title: 'Großes Sommerkonzert', summary: 'Jazz im Park' }));

  test('each word anywhere in the text, in any order: parts of compounds too', () => {
    expect(matchesWords(text, textWords('konzert'))).toBe(true);
    expect(matchesWords(text, textWords('park SOMMER'))).toBe(true);
    expect(matchesWords(text, textWords('azz'))).toBe(true);
  });

  test('every word must be there; no words is no filter', () => {
    expect(matchesWords(text, textWords('konzert oper'))).toBe(false);
    expect(matchesWords(text, [])).toBe(true);
  });
});

describe('the place filter', () => {
  const inZurich = placeText(
    sampleEvent({ venue: { name: 'Pier 9', city: 'Zürich', address: 'Seestr. 1', coordinates: null } }),
  );

  test('the typed place in the city or the address, folded', () => {
    expect(matchesPlace(inZurich, foldQuery({ text: '', place: ' ZURICH ' }))).toBe(true);
    expect(matchesPlace(inZurich, foldQuery({ text: '', place: 'seestr' }))).toBe(true);
    expect(matchesPlace(inZurich, foldQuery({ text: '', place: 'Berlin' }))).toBe(false);
  });

  test('an online event has no place: only an empty filter takes it', () => {
    const online = placeText(sampleEvent({ venue: null, online: true }));
    expect(matchesPlace(online, foldQuery({ text: '', place: '' }))).toBe(true);
    expect(matchesPlace(online, foldQuery({ text: '', place: 'zurich' }))).toBe(false);
  });
});

describe('matchesQuery', () => {
  const range = { start: new Date('2029-01-01T00:00:00Z') };
  const event = sampleEvent({
    title: 'Café Jazz Night',
    summary: 'Live music',
    venue: { name: 'Harbor Hall', city: 'Zürich', address: '1 Lake St, Zürich', coordinates: null },
    free: true,
  });

  test.each([
    [{ text: 'jazz' }, true],
    [{ text: 'cafe JAZZ' }, true],
    [{ text: 'live harbor' }, true],
    [{ text: 'jazz opera' }, false],
    [{ text: 'azz' }, true],
    [{ text: 'usi caf' }, true],
    [{ text: 'jazzy' }, false],
    [{ place: 'zurich' }, true],
    [{ place: 'Berlin' }, false],
    [{ freeOnly: true }, true],
    [{ onlineOnly: true }, false],
  ])('%j → %s', (query, expected) => {
    expect(matchesQuery(event, normalizeQuery(query), range)).toBe(expected);
  });

  test('respects the date range', () => {
    expect(matchesQuery(event, EMPTY_QUERY, { start: new Date('2031-01-01T00:00:00Z') })).toBe(false);
    expect(
      matchesQuery(event, EMPTY_QUERY, { start: range.start, end: new Date('2029-06-01T00:00:00Z') }),
    ).toBe(false);
  });
});
