import type { Page } from 'puppeteer-core';

/** Median and spread of a benchmark's runs, in the unit they were taken in. */
export interface Summary {
  runs: number;
  median: number;
  p25: number;
  p75: number;
}

export function summarize(samples: number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (fraction: number) => {
    const index = (sorted.length - 1) * fraction;
    const low = Math.floor(index);
    const high = Math.ceil(index);
    return sorted[low]! + (sorted[high]! - sorted[low]!) * (index - low);
  };
  return { runs: sorted.length, median: at(0.5), p25: at(0.25), p75: at(0.75) };
}

/**
 * When `count` event titles (elementtiming="event-title") had been painted, in ms since the page's
 * navigation started, as the browser's Element Timing reports it; `after` skips earlier paints.
 */
export function paintedTitles(page: Page, count: number, after = 0): Promise<number> {
  return page.evaluate(
    ({ count, after }) =>
      new Promise<number>((resolve, reject) => {
        const times: number[] = [];
        const timer = setTimeout(
          () => reject(new Error(`only ${times.length} of ${count} titles painted`)),
          20_000,
        );
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as (PerformanceEntry & {
            identifier: string;
            renderTime: number;
            loadTime: number;
          })[]) {
            const painted = entry.renderTime || entry.loadTime;
            if (entry.identifier === 'event-title' && painted > after) times.push(painted);
          }
          if (times.length >= count) {
            clearTimeout(timer);
            resolve(Math.max(...times.slice(0, count)));
          }
        }).observe({ type: 'element', buffered: true });
      }),
    { count, after },
  );
}

/** What a user sees of a page opening, each in ms since navigation started, read the same way on every page. */
export interface PaintReadings {
  /** The first frame with any content (`first-contentful-paint`). */
  firstContentfulPaint: number;
  /** When `count` event titles had been painted, by Element Timing. */
  titlesPainted: number;
  /** The frame after `count` titles were in the DOM: when they were on screen, however they got there. */
  frameAfterResults: number;
}

/**
 * Installed before any of the page's own scripts (Playwright's init script), on product and floor alike:
 * watches the DOM for the event titles and marks the frame after `count` of them are in it.
 */
export function markFrameAfterResults(count: number): void {
  const titles = () => document.querySelectorAll('[elementtiming="event-title"]').length;
  const observer = new MutationObserver(() => {
    if (titles() < count) return;
    observer.disconnect();
    // The frame that shows them starts with the first callback; the second runs when the next one starts,
    // after that frame was presented.
    requestAnimationFrame(() => requestAnimationFrame(() => performance.mark('results-frame')));
  });
  observer.observe(document, { childList: true, subtree: true });
}

/** The three readings of a page that opened with `count` titles, once all are in. */
export async function paintReadings(page: Page, count: number): Promise<PaintReadings> {
  const titlesPainted = await paintedTitles(page, count);
  const handle = await page.waitForFunction(
    () => {
      const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime;
      const frame = performance.getEntriesByName('results-frame')[0]?.startTime;
      return fcp !== undefined && frame !== undefined ? [fcp, frame] : false;
    },
    { timeout: 20_000, polling: 16 },
  );
  const [firstContentfulPaint, frameAfterResults] = (await handle.jsonValue()) as [number, number];
  return { firstContentfulPaint, titlesPainted, frameAfterResults };
}

/**
 * Runs `a` and `b` alternately, `runs` times each after `warmup` unmeasured rounds, so both see the same
 * machine; the order flips every round (a b, b a, …), so neither always runs right after the other's
 * page has closed.
 */
export async function sideBySide<T = number>(
  runs: number,
  warmup: number,
  a: () => Promise<T>,
  b: () => Promise<T>,
): Promise<[T[], T[]]> {
  const first: T[] = [];
  const second: T[] = [];
  for (let round = 0; round < warmup + runs; round++) {
    let x: T;
    let y: T;
    if (round % 2 === 0) {
      x = await a();
      y = await b();
    } else {
      y = await b();
      x = await a();
    }
    if (round >= warmup) {
      first.push(x);
      second.push(y);
    }
  }
  return [first, second];
}

/**
 * For pages that paint many lists in turn: Chromium buffers only 150 Element Timing entries, so an
 * observer installed after a paint can miss it. This one is installed once and keeps every title's paint,
 * in order and by element. It also counts the titles on screen (inside the results' scroll box and the
 * window): Chromium paints a scroller's rows only a little way past what shows, so a count beyond those
 * would time its culling rather than the list, or never be reached.
 */
export async function watchPaints(page: Page): Promise<void> {
  await page.evaluate(() => {
    const state = window as unknown as {
      paints?: number[];
      paintOf?: WeakMap<Element, number>;
      titlesOnScreen?: () => number;
    };
    if (state.paints) return;
    state.titlesOnScreen = () => {
      const box = document.querySelector('.results')?.getBoundingClientRect();
      const top = Math.max(box?.top ?? 0, 0);
      const bottom = Math.min(box?.bottom ?? innerHeight, innerHeight);
      return [...document.querySelectorAll('[elementtiming="event-title"]')].filter((title) => {
        const rect = title.getBoundingClientRect();
        return rect.bottom > top && rect.top < bottom;
      }).length;
    };
    const paints: number[] = [];
    const paintOf = new WeakMap<Element, number>();
    state.paints = paints;
    state.paintOf = paintOf;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & {
        identifier: string;
        renderTime: number;
        loadTime: number;
        element: Element | null;
      })[]) {
        if (entry.identifier !== 'event-title') continue;
        paints.push(entry.renderTime || entry.loadTime);
        if (entry.element) paintOf.set(entry.element, entry.renderTime || entry.loadTime);
      }
    }).observe({ type: 'element', buffered: true });
  });
}

/** What watchPaints installs in a page. */
interface PaintRecord {
  paints: number[];
  paintOf: WeakMap<Element, number>;
  titlesOnScreen: () => number;
}

/**
 * When the list on screen now had its first `count` titles painted, or as many as show if fewer (ms since
 * navigation), from watchPaints' record: for a list that changed while arriving (a merge), the titles it
 * ends with, each painted once whenever that was.
 */
export async function listPainted(page: Page, count: number): Promise<number> {
  const handle = await page.waitForFunction(
    (count) => {
      const { paintOf, titlesOnScreen } = window as unknown as PaintRecord;
      const shown = Math.min(count, titlesOnScreen());
      const titles = [...document.querySelectorAll('[elementtiming="event-title"]')].slice(0, shown);
      const times = titles.map((title) => paintOf.get(title));
      return shown > 0 && times.every((time) => time !== undefined) ? Math.max(...times) : false;
    },
    { timeout: 20_000, polling: 16 },
    count,
  );
  return (await handle.jsonValue()) as number;
}

/**
 * When `count` titles, or as many as show if fewer, had been painted after `after` (ms since navigation),
 * from watchPaints' record.
 */
export async function paintedAfter(page: Page, count: number, after: number): Promise<number> {
  const handle = await page.waitForFunction(
    ({ count, after }) => {
      const { paints, titlesOnScreen } = window as unknown as PaintRecord;
      const shown = Math.min(count, titlesOnScreen());
      const later = paints.filter((time) => time > after);
      return shown > 0 && later.length >= shown ? Math.max(...later.slice(0, shown)) : false;
    },
    { timeout: 20_000, polling: 16 },
    { count, after },
  );
  return (await handle.jsonValue()) as number;
}
