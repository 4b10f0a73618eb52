import type { Event } from './event';
import { compareByStart } from './merge';
import { matchesFilters, type SearchQuery, type TimeRange } from './query';
import { foldQuery, matchesPlace, placeText, textWords } from './text-match';

export interface IndexedEvent {
  event: Event;
  /** Folded search text (lib/event.ts eventSearchText). */
  text: string;
}

/**
 * Filtering as the user types, over every cached event, with lib/text-match.ts's definition of a match.
 * A typed word occurs in an event's text when it occurs in one of its words, so the index keeps each
 * distinct word once with the events it is in: a keystroke looks through the distinct words (far fewer
 * than the texts) and then only the events of those that hold the typed word. The words that held what
 * was typed before are remembered: typing on ("ja", "jaz", "jazz") looks only through those.
 */
export class EventIndex {
  readonly #events: Event[];
  readonly #places: string[];
  readonly #words: string[];
  readonly #postings: Uint32Array[];
  /** The last search's typed words, each with the positions in #words that hold it. */
  #lastFound = new Map<string, Uint32Array>();

  private constructor(events: Event[], places: string[], words: string[], postings: Uint32Array[]) {
    this.#events = events;
    this.#places = places;
    this.#words = words;
    this.#postings = postings;
  }

  static build(records: IndexedEvent[]): EventIndex {
    const sorted = [...records].sort((a, b) => compareByStart(a.event, b.event));
    const lists = new Map<string, number[]>();
    sorted.forEach(({ text }, position) => {
      for (const word of new Set(textWords(text))) {
        const list = lists.get(word);
        if (list) list.push(position);
        else lists.set(word, [position]);
      }
    });
    const words = [...lists.keys()];
    return new EventIndex(
      sorted.map(({ event }) => event),
      sorted.map(({ event }) => placeText(event)),
      words,
      words.map((word) => Uint32Array.from(lists.get(word)!)),
    );
  }

  get size(): number {
    return this.#events.length;
  }

  /** The events matching the query, soonest first, at most `limit`; `total` counts them all. */
  search(query: SearchQuery, range: TimeRange, limit: number): { events: Event[]; total: number } {
    const folded = foldQuery(query);
    const hits = folded.words.length ? this.#matchingAll(folded.words) : undefined;
    const events: Event[] = [];
    let total = 0;
    for (let position = 0; position < this.#events.length; position++) {
      if (hits && hits[position] !== folded.words.length) continue;
      const event = this.#events[position]!;
      if (!matchesFilters(event, query, range) || !matchesPlace(this.#places[position]!, folded)) continue;
      total++;
      if (events.length < limit) events.push(event);
    }
    return { events, total };
  }

  /** The positions in #words of the words that hold `typed`. */
  #wordsHolding(typed: string, found: Map<string, Uint32Array>): Uint32Array {
    // What holds "jazz" holds "jaz": when the user typed on, look only through what held the shorter word.
    let candidates: Uint32Array | undefined;
    for (const [word, at] of this.#lastFound) {
      if (typed.includes(word) && (!candidates || at.length < candidates.length)) candidates = at;
    }
    const holding: number[] = [];
    if (candidates) {
      for (const at of candidates) if (this.#words[at]!.includes(typed)) holding.push(at);
    } else {
      this.#words.forEach((word, at) => {
        if (word.includes(typed)) holding.push(at);
      });
    }
    const positions = Uint32Array.from(holding);
    found.set(typed, positions);
    return positions;
  }

  /** For each event, how many of the typed words it holds. */
  #matchingAll(typed: string[]): Uint16Array {
    const counts = new Uint16Array(this.#events.length);
    const seenFor = new Int32Array(this.#events.length).fill(-1);
    const found = new Map<string, Uint32Array>();
    typed.forEach((word, wordIndex) => {
      for (const at of this.#wordsHolding(word, found)) {
        for (const position of this.#postings[at]!) {
          // An event counts once per typed word, however many of its words hold it.
          if (seenFor[position] === wordIndex) continue;
          seenFor[position] = wordIndex;
          counts[position]!++;
        }
      }
    });
    this.#lastFound = found;
    return counts;
  }
}
