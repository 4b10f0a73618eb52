import { i18n } from '#i18n';
import { useEffect, useState } from 'preact/hooks';
import { TextField } from '@/components/TextField';
import { sendMessage } from '@/lib/messages';
import { problemOf, type Problem } from '@/lib/problem';
import { checkName, listSavedSearches, MAX_NAME_LENGTH, type SavedSearch } from '@/lib/saved-searches';
import { describeQuery, problemText, providerName, savedSearchName } from '@/lib/words';
import { listFormat } from '@/lib/format';
import type { ProviderId } from '@/lib/provider-id';
import { browser } from 'wxt/browser';

/** Whom a saved search asks: "Demo and Ticketmaster", or every connected service when it names none. */
const sourcesText = (sources: readonly ProviderId[]) =>
  sources.length ? listFormat().format(sources.map(providerName)) : i18n.t('saved.everyProvider');

function SavedSearchRow({ saved, onProblem }: { saved: SavedSearch; onProblem: (problem: Problem) => void }) {
  const shownName = savedSearchName(saved);
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(shownName);
  const [error, setError] = useState<Problem>();

  const rename = async (event: Event) => {
    event.preventDefault();
    const checked = checkName(name);
    setError(checked.ok ? undefined : checked.problem);
    if (!checked.ok) return;
    try {
      await sendMessage('saved/rename', { id: saved.id, name: checked.value });
      setEditing(false);
    } catch (problem) {
      setError(problemOf(problem));
    }
  };

  if (editing) {
    return (
      <li class="saved-row">
        <form class="settings-form" onSubmit={(event) => void rename(event)} noValidate>
          <TextField
            id={`name-${saved.id}`}
            label={i18n.t('saved.newName', { name: shownName })}
            value={name}
            hint={i18n.t('saved.nameHint', { max: String(MAX_NAME_LENGTH) })}
            error={error && problemText(error)}
            onInput={setName}
          />
          <div class="form-actions">
            <button type="submit" class="primary">
              {i18n.t('saved.saveName')}
            </button>
            <button type="button" class="secondary" onClick={() => setEditing(false)}>
              {i18n.t('saved.cancel')}
            </button>
          </div>
        </form>
      </li>
    );
  }
  return (
    <li class="saved-row">
      <div>
        <p class="saved-name">{shownName}</p>
        <p class="muted hint">
          {describeQuery(saved.query)} · {sourcesText(saved.query.sources)}
        </p>
      </div>
      <div class="form-actions">
        <button
          type="button"
          class="secondary"
          aria-label={i18n.t('saved.renameNamed', { name: shownName })}
          onClick={() => setEditing(true)}
        >
          {i18n.t('saved.rename')}
        </button>
        <button
          type="button"
          class="secondary"
          aria-label={i18n.t('saved.removeNamed', { name: shownName })}
          onClick={() =>
            void sendMessage('saved/remove', saved.id).catch((problem: unknown) =>
              onProblem(problemOf(problem)),
            )
          }
        >
          {i18n.t('saved.remove')}
        </button>
      </div>
    </li>
  );
}

/** The saved searches that follow the user across browsers: rename or remove them. */
export function SavedSearchList() {
  const [saved, setSaved] = useState<SavedSearch[]>();
  const [problem, setProblem] = useState<Problem>();

  useEffect(() => {
    const reload = () => void listSavedSearches().then(setSaved);
    // Any change to synced storage may be a saved search, from this browser or another.
    const onChanged = (_changes: unknown, area: string) => area === 'sync' && reload();
    reload();
    browser.storage.onChanged.addListener(onChanged);
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, []);

  return (
    <section aria-labelledby="saved-heading">
      <h2 id="saved-heading">{i18n.t('saved.heading')}</h2>
      {problem && (
        <p class="alert" role="alert">
          {problemText(problem)}
        </p>
      )}
      {saved?.length === 0 && <p class="muted">{i18n.t('saved.none')}</p>}
      {saved && saved.length > 0 && (
        <ul class="saved-list" aria-label={i18n.t('saved.heading')}>
          {saved.map((search) => (
            <SavedSearchRow key={search.id} saved={search} onProblem={setProblem} />
          ))}
        </ul>
      )}
    </section>
  );
}
