import { i18n } from '#i18n';
import { useEffect, useState } from 'preact/hooks';
import { uiLanguage } from '@/lib/format';
import { withCacheConnection } from '@/lib/cache/db';
import { cacheSize } from '@/lib/cache/searches';
import { sendMessage } from '@/lib/messages';

interface Figures {
  searches: number;
  events: number;
  /** What the browser says this extension stores, in bytes; approximate. */
  bytes?: number;
}

async function measure(): Promise<Figures> {
  const estimate = await navigator.storage?.estimate?.().catch(() => undefined);
  return { ...(await withCacheConnection(cacheSize)), bytes: estimate?.usage };
}

const megabytes = (bytes: number) =>
  new Intl.NumberFormat(uiLanguage(), { maximumFractionDigits: 1 }).format(bytes / 1_048_576);

/** What the cache holds, and "Clear cache". */
export function CacheSection() {
  const [figures, setFigures] = useState<Figures>();
  const [note, setNote] = useState('');
  useEffect(() => void measure().then(setFigures), []);

  const clearCache = async () => {
    await sendMessage('cache/clear');
    setFigures(await measure());
    setNote(i18n.t('options.cacheCleared'));
  };

  return (
    <section aria-labelledby="cache-heading">
      <h2 id="cache-heading">{i18n.t('options.cacheHeading')}</h2>
      {figures && (
        <p>
          {figures.bytes === undefined
            ? i18n.t('options.cacheFigures', {
                searches: i18n.t('options.searches', figures.searches),
                events: i18n.t('options.events', figures.events),
              })
            : i18n.t('options.cacheFiguresWithSize', {
                searches: i18n.t('options.searches', figures.searches),
                events: i18n.t('options.events', figures.events),
                megabytes: megabytes(figures.bytes),
              })}
        </p>
      )}
      <div class="form-actions spaced">
        <button type="button" class="secondary" onClick={() => void clearCache()}>
          {i18n.t('options.clearCache')}
        </button>
        <p class="muted" aria-live="polite">
          {note}
        </p>
      </div>
    </section>
  );
}
