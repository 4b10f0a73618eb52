import { i18n } from '#i18n';
import { useEffect, useRef } from 'preact/hooks';
import type { ProviderId } from '@/lib/provider-id';
import { DATE_RANGES, sourcesAsked, type DateRangeName, type SearchQuery } from '@/lib/query';
import { DATE_RANGE_KEYS, providerName } from '@/lib/words';

interface Props {
  /** Every connected provider: "Sources" offers them when there are several. */
  providers: readonly ProviderId[];
  query: SearchQuery;
  onChange: (query: SearchQuery) => void;
  onSubmit: (query: SearchQuery) => void;
}

/** The searchbox and its filters; Enter anywhere in the form searches. */
export function SearchForm({ providers, query, onChange, onSubmit }: Props) {
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
  const asked = sourcesAsked(query, providers);
  // Every connected provider checked is no choice at all: stored as none, so one connected later is asked too.
  const toggleSource = (provider: ProviderId, on: boolean) => {
    const sources = providers.filter((id) => (id === provider ? on : asked.includes(id)));
    apply('sources', sources.length === providers.length ? [] : sources);
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
      {providers.length > 1 && (
        <fieldset class="sources">
          <legend>{i18n.t('search.sources')}</legend>
          {providers.map((provider) => (
            <label class="check" key={provider}>
              <input
                type="checkbox"
                checked={asked.includes(provider)}
                // A search asks someone: the last source checked stays.
                disabled={asked.length === 1 && asked[0] === provider}
                onChange={(event) => toggleSource(provider, event.currentTarget.checked)}
              />
              {providerName(provider)}
            </label>
          ))}
        </fieldset>
      )}
    </form>
  );
}
