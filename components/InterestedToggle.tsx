import { i18n } from '#i18n';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { Event } from '@/lib/event';
import { interestedKey, isInterestedKey } from '@/lib/interested-key';
import { sendMessage } from '@/lib/messages';
import { problemOf, type Problem } from '@/lib/problem';
import { problemText } from '@/lib/words';

/** Which events are kept as Interested (their storage.sync keys), kept current as any browser changes them. */
export function useInterestedKeys(): ReadonlySet<string> {
  const [keys, setKeys] = useState<ReadonlySet<string>>(new Set());
  useEffect(() => {
    const read = () =>
      void browser.storage.sync
        .get(null)
        .then((all) => setKeys(new Set(Object.keys(all).filter(isInterestedKey))));
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
 * "Interested", a toggle: pressed at once, while the background keeps the event; a refusal (too many, no
 * room left in storage.sync) unpresses it and says why beside it.
 */
export function InterestedToggle({ event, keys, describedBy }: Props) {
  const stored = keys.has(interestedKey(event));
  const [pressed, setPressed] = useState<boolean>();
  const [problem, setProblem] = useState<Problem>();
  // Storage has the last word once it has answered (another browser may change it meanwhile).
  useEffect(() => setPressed(undefined), [stored]);
  const shown = pressed ?? stored;
  const toggle = async () => {
    setPressed(!shown);
    setProblem(undefined);
    try {
      await sendMessage('interested/toggle', event);
    } catch (error) {
      setPressed(shown);
      setProblem(problemOf(error));
    }
  };
  return (
    <>
      <button
        type="button"
        class="secondary"
        aria-pressed={shown}
        aria-describedby={describedBy}
        onClick={() => void toggle()}
      >
        {i18n.t('results.interested')}
      </button>
      {problem && (
        <span class="inline-alert" role="alert">
          {problemText(problem)}
        </span>
      )}
    </>
  );
}
