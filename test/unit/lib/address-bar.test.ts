import { describe, expect, test } from 'vitest';
import { describeEvent, escapeXml, suggestionsFrom } from '@/lib/address-bar';
import { eventSearchText, exactStart, type Event } from '@/lib/event';
import { EventIndex } from '@/lib/event-index';
import { sampleEvent } from '../../support/events';

const NOW = new Date('2030-01-01T00:00:00Z');
const indexOf = (events: Event[]) =>
  EventIndex.build(events.map((event) => ({ event, text: eventSearchText(event) })));
const saturdayAt7 = exactStart({ utc: '2031-01-04T18:00:00.000Z', timezone: 'Europe/Paris' });

describe('describeEvent', () => {
  const event = sampleEvent({ title: 'Rock & <Roll> Night', start: saturdayAt7 });

  test('Chrome: the title and date as XML, the date dimmed', () => {
    expect(describeEvent(event, 'Europe/Berlin', true)).toMatch(
      /^Rock &amp; &lt;Roll&gt; Night <dim>· Sat, Jan 4, 7:00\sPM<\/dim>$/,
    );
  });

  test('Firefox: as plain text', () => {
    expect(describeEvent(event, 'Europe/Berlin', false)).toMatch(
      /^Rock & <Roll> Night · Sat, Jan 4, 7:00\sPM$/,
    );
  });
});

test('escapeXml escapes what XML reads as markup, ampersands first', () => {
  expect(escapeXml('a &lt; b < c > d & e')).toBe('a &amp;lt; b &lt; c &gt; d &amp; e');
});

describe('suggestionsFrom', () => {
  test('the matching events, soonest first, at most six, each opening its page', () => {
    const events = Array.from({ length: 9 }, () => sampleEvent({ title: 'Jazz at noon' }));
    const suggestions = suggestionsFrom(indexOf([...events].reverse()), 'jaz', NOW, 'UTC', false);
    expect(suggestions.map((suggestion) => suggestion.content)).toEqual(
      events.slice(0, 6).map((event) => event.url),
    );
  });

  test('leaves out events without an http(s) page, past events and others', () => {
    const kept = sampleEvent({ title: 'Jazz brunch' });
    const suggestions = suggestionsFrom(
      indexOf([
        sampleEvent({ title: 'Jazz on file', url: 'javascript:alert(1)' }),
        sampleEvent({ title: 'Jazz nowhere', url: null }),
        sampleEvent({
          title: 'Jazz long ago',
          start: exactStart({ utc: '2020-01-01T18:00:00Z', timezone: 'UTC' }),
        }),
        sampleEvent({ title: 'Comedy night' }),
        kept,
      ]),
      'jazz',
      NOW,
      'UTC',
      false,
    );
    expect(suggestions).toEqual([
      { content: kept.url, description: expect.stringMatching(/^Jazz brunch · /) },
    ]);
  });

  test('nothing for whitespace', () => {
    expect(suggestionsFrom(indexOf([sampleEvent()]), '   ', NOW, 'UTC', false)).toEqual([]);
  });
});
