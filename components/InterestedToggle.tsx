import { i18n } from '#i18n';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { Event } from '@/lib/event';
import { interestedKey } from '@/lib/interested-key';
import { sendMessage } from '@/lib/messages';
import { problemOf, type Problem } from '@/lib/problem';
import { problemText } from '@/lib/words';

/**
 * Which events are kept as Interested: storage.sync's keys, theirs among them (all are kept: filtering
 * them would cost the popup's first files more than the few others do), current as any browser changes them.
 */
export function useInterestedKeys(): ReadonlySet<string> {
  const [keys, setKeys] = useState<ReadonlySet<string>>(new Set());
  useEffect(() => {
    const read = () => void browser.storage.sync.get(null).then((all) => setKeys(new Set(Object.keys(all))));
    read();
    // Any change of storage.sync reads the keys again: they change seldom, and a check would cost the
    // popup's first files more than the read.
    browser.storage.sync.onChanged.addListener(read);
    return () => browser.storage.sync.onChanged.removeListener(read);
  }, []);
  return keys;
}

interface Props {
  event: Event;
  keys: ReadonlySet<string>;
  /** The id of the event's title: each toggle says whose it is. */
  describedBy: string;
}

/**
 * "Interested", a toggle showing what storage.sync holds: the background writes it in a few milliseconds
 * and every page sees the change. A refusal (too many, no room left in storage.sync) is said beside it.
 */
export function InterestedToggle({ event, keys, describedBy }: Props) {
  const [problem, setProblem] = useState<Problem>();
  const toggle = () =>
    sendMessage('interested/toggle', event).then(
      () => setProblem(undefined),
      (error: unknown) => setProblem(problemOf(error)),
    );
  return (
    <>
      <button
        type="button"
        class="secondary"
        aria-pressed={keys.has(interestedKey(event))}
        aria-describedby={describedBy}
        onClick={() => void toggle()}
      >
        {i18n.t('results.interested')}
      </button>
      {problem && (
        // As loud as an event's own bad news, beside the toggle it concerns (the line wraps for it).
        <span class="badge event-status" role="alert">
          {problemText(problem)}
        </span>
      )}
    </>
  );
}
