import { useEffect, useState } from 'preact/hooks';
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
  new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 }).format(bytes / 1_048_576);

/** What the cache holds, and "Clear cache". */
export function CacheSection() {
  const [figures, setFigures] = useState<Figures>();
  const [note, setNote] = useState('');
  useEffect(() => void measure().then(setFigures), []);

  const clearCache = async () => {
    await sendMessage('cache/clear');
    setFigures(await measure());
    setNote('Cache cleared. Saved searches are kept.');
  };

  return (
    <section aria-labelledby="cache-heading">
      <h2 id="cache-heading">Cache</h2>
      {figures && (
        <p>
          {figures.searches} {figures.searches === 1 ? 'search' : 'searches'}, {figures.events}{' '}
          {figures.events === 1 ? 'event' : 'events'}
          {figures.bytes !== undefined && `, about ${megabytes(figures.bytes)} MB`}
        </p>
      )}
      <div class="form-actions spaced">
        <button type="button" class="secondary" onClick={() => void clearCache()}>
          Clear cache
        </button>
        <p class="muted" aria-live="polite">
          {note}
        </p>
      </div>
    </section>
  );
}
