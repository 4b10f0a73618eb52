import { foldText, type Event } from './event';
import type { SearchQuery, TimeRange } from './query';

const WORD = /[^\p{L}\p{N}]+/u;

/** The first position in sorted `words` not before `word`. */
function lowerBound(words: readonly string[], word: string): number {
  let low = 0;
  let high = words.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (words[middle]! < word) low = middle + 1;
    else high = middle;
  }
  return low;
}

export interface IndexedEvent {
  event: Event;
  /** Folded search text (lib/event.ts eventSearchText). */
  text: string;
}

/**
 * Filtering as the user types, over every cached event: the sorted words of all the events' texts, each
 * with the events it occurs in. A typed word matches the words it begins, and each further word narrows
 * the set, so a keystroke costs the matching words' lists, not a pass over every text.
 */
export class EventIndex {
  readonly #events: Event[];
  readonly #places: string[];
  readonly #words: string[];
  readonly #postings: Uint32Array[];

  private constructor(events: Event[], places: string[], words: string[], postings: Uint32Array[]) {
    this.#events = events;
    this.#places = places;
    this.#words = words;
    this.#postings = postings;
  }

  static build(records: IndexedEvent[]): EventIndex {
    const sorted = [...records].sort((a, b) => a.event.start.utc.localeCompare(b.event.start.utc));
    const lists = new Map<string, number[]>();
    sorted.forEach(({ text }, position) => {
      for (const word of new Set(text.split(WORD))) {
        if (!word) continue;
        const list = lists.get(word);
        if (list) list.push(position);
        else lists.set(word, [position]);
      }
    });
    const words = [...lists.keys()].sort();
    return new EventIndex(
      sorted.map(({ event }) => event),
      sorted.map(({ event }) => foldText(`${event.venue?.city ?? ''} ${event.venue?.address ?? ''}`)),
      words,
      words.map((word) => Uint32Array.from(lists.get(word)!)),
    );
  }

  get size(): number {
    return this.#events.length;
  }

  /** The events matching the query, soonest first, at most `limit`; `total` counts them all. */
  search(query: SearchQuery, range: TimeRange, limit: number): { events: Event[]; total: number } {
    const typed = foldText(query.text).split(WORD).filter(Boolean);
    const hits = typed.length ? this.#matchingAll(typed) : undefined;
    const place = foldText(query.place).trim();
    const start = range.start.getTime();
    const end = range.end?.getTime() ?? Number.POSITIVE_INFINITY;
    const events: Event[] = [];
    let total = 0;
    for (let position = 0; position < this.#events.length; position++) {
      if (hits && hits[position] !== typed.length) continue;
      const event = this.#events[position]!;
      const at = Date.parse(event.start.utc);
      if (at < start || at > end) continue;
      if ((query.onlineOnly && !event.online) || (query.freeOnly && !event.free)) continue;
      if (place && !this.#places[position]!.includes(place)) continue;
      total++;
      if (events.length < limit) events.push(event);
    }
    return { events, total };
  }

  /** For each event, how many of the typed words it has a word beginning with. */
  #matchingAll(typed: string[]): Uint16Array {
    const counts = new Uint16Array(this.#events.length);
    const seenFor = new Int32Array(this.#events.length).fill(-1);
    typed.forEach((word, wordIndex) => {
      for (
        let at = lowerBound(this.#words, word);
        at < this.#words.length && this.#words[at]!.startsWith(word);
        at++
      ) {
        for (const position of this.#postings[at]!) {
          // An event counts once per typed word, however many of its words that one begins.
          if (seenFor[position] === wordIndex) continue;
          seenFor[position] = wordIndex;
          counts[position]!++;
        }
      }
    });
    return counts;
  }
}
