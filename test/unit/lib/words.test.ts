import { describe, expect, test } from 'vitest';
import { PROBLEM_CODES } from '@/lib/problem';
import { normalizeQuery } from '@/lib/query';
import {
  describeQuery,
  newEventsNotification,
  PROBLEM_KEYS,
  problemText,
  savedSearchName,
  syncOutcomeText,
} from '@/lib/words';

describe('the locale file', () => {
  test('every problem code has words of its own', () => {
    const texts = PROBLEM_CODES.map((code) => problemText({ code }));
    expect(texts.filter((text) => !text.trim())).toEqual([]);
    expect(new Set(Object.values(PROBLEM_KEYS)).size).toBe(PROBLEM_CODES.length);
  });
});

describe('problemText', () => {
  test('puts the parameters in place', () => {
    expect(problemText({ code: 'saved-too-many', params: { max: 50 } })).toBe(
      'You can save up to 50 searches. Remove one to save another.',
    );
    expect(problemText({ code: 'organizer-id-invalid', params: { id: 'abc' } })).toMatch(/^“abc” is not/);
  });

  test('a wait the service asked for is said in seconds', () => {
    expect(problemText({ code: 'rate-limit', params: { seconds: 120 } })).toBe(
      'The events service asked to wait 120 s; Event Scout tries again then.',
    );
    expect(problemText({ code: 'rate-limit' })).toBe(
      'Too many requests for now. Event Scout will try again shortly.',
    );
  });
});

test('syncOutcomeText: what a cycle found, or why it stopped', () => {
  const at = 0;
  expect(syncOutcomeText({ at, outcome: { code: 'synced' }, found: 0 })).toBe('Up to date.');
  expect(syncOutcomeText({ at, outcome: { code: 'synced' }, found: 1 })).toBe('1 new event.');
  expect(syncOutcomeText({ at, outcome: { code: 'synced' }, found: 3 })).toBe('3 new events.');
  expect(syncOutcomeText({ at, outcome: { code: 'over-budget' }, found: 2 })).toBe(
    'Syncing has used its requests to a service for now; it resumes on its own once it may ask again.',
  );
});

describe('saved searches', () => {
  test('describeQuery names a search the way a person would', () => {
    expect(describeQuery(normalizeQuery({}))).toBe('All events');
    expect(describeQuery(normalizeQuery({ text: 'jazz', when: 'weekend', freeOnly: true }))).toBe(
      'jazz · this weekend · free',
    );
  });

  test('a name of the user’s own comes first', () => {
    const query = normalizeQuery({ text: 'jazz', onlineOnly: true });
    expect(savedSearchName({ query })).toBe('jazz · online');
    expect(savedSearchName({ name: 'Fridays', query })).toBe('Fridays');
  });

  test('the notification counts the new events and shows the first few titles', () => {
    const query = normalizeQuery({ text: 'jazz' });
    expect(newEventsNotification({ query }, ['A', 'B', 'C', 'D', 'E'], 3)).toEqual({
      title: '5 new in “jazz”',
      message: 'A\nB\nC\n… and 2 more',
    });
    expect(newEventsNotification({ name: 'Fridays', query }, ['A'], 3)).toEqual({
      title: '1 new in “Fridays”',
      message: 'A',
    });
  });
});
