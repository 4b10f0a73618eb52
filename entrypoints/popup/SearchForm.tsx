import { i18n } from '#i18n';
import { useEffect, useRef } from 'preact/hooks';
import { DATE_RANGES, type DateRangeName, type SearchQuery } from '@/lib/query';
import { DATE_RANGE_KEYS } from '@/lib/words';

interface Props {
  query: SearchQuery;
  onChange: (query: SearchQuery) => void;
  onSubmit: (query: SearchQuery) => void;
}

/** The searchbox and its filters; Enter anywhere in the form searches. */
export function SearchForm({ query, onChange, onSubmit }: Props) {
  const searchbox = useRef<HTMLInputElement>(null);
  useEffect(() => searchbox.current?.focus(), []);
  const set = <K extends keyof SearchQuery>(key: K, value: SearchQuery[K]) =>
    onChange({ ...query, [key]: value });
  // A filter that changes takes effect at once, like a search.
  const apply = <K extends keyof SearchQuery>(key: K, value: SearchQuery[K]) => {
    const next = { ...query, [key]: value };
    onChange(next);
    onSubmit(next);
  };

  return (
    <form
      class="search"
      role="search"
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit(query);
      }}
    >
      <div class="search-row">
        <input
          ref={searchbox}
          type="search"
          class="searchbox"
          aria-label={i18n.t('search.searchbox')}
          placeholder={i18n.t('search.searchbox')}
          autocomplete="off"
          value={query.text}
          onInput={(event) => set('text', event.currentTarget.value)}
        />
        {/* Also what makes Enter submit a form with more than one text field. */}
        <button type="submit" class="primary">
          {i18n.t('search.submit')}
        </button>
      </div>
      <div class="filters">
        <label class="field">
          <span>{i18n.t('search.place')}</span>
          <input
            type="text"
            placeholder={i18n.t('search.anyCity')}
            autocomplete="off"
            value={query.place}
            onInput={(event) => set('place', event.currentTarget.value)}
          />
        </label>
        <label class="field">
          <span>{i18n.t('search.dates')}</span>
          <select
            value={query.when}
            onChange={(event) => apply('when', event.currentTarget.value as DateRangeName)}
          >
            {DATE_RANGES.map((range) => (
              <option key={range} value={range}>
                {i18n.t(DATE_RANGE_KEYS[range])}
              </option>
            ))}
          </select>
        </label>
        <label class="check">
          <input
            type="checkbox"
            checked={query.onlineOnly}
            onChange={(event) => apply('onlineOnly', event.currentTarget.checked)}
          />
          {i18n.t('search.onlineOnly')}
        </label>
        <label class="check">
          <input
            type="checkbox"
            checked={query.freeOnly}
            onChange={(event) => apply('freeOnly', event.currentTarget.checked)}
          />
          {i18n.t('search.freeOnly')}
        </label>
      </div>
    </form>
  );
}
