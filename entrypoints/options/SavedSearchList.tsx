import { useEffect, useState } from 'preact/hooks';
import { TextField } from '@/components/TextField';
import { sendMessage } from '@/lib/messages';
import { checkName, describeQuery, listSavedSearches, type SavedSearch } from '@/lib/saved-searches';
import { browser } from 'wxt/browser';

function SavedSearchRow({ saved, onProblem }: { saved: SavedSearch; onProblem: (message: string) => void }) {
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(saved.name);
  const [error, setError] = useState<string>();

  const rename = async (event: Event) => {
    event.preventDefault();
    const checked = checkName(name);
    setError(checked.ok ? undefined : checked.message);
    if (!checked.ok) return;
    try {
      await sendMessage('saved/rename', { id: saved.id, name: checked.value });
      setEditing(false);
    } catch (problem) {
      setError((problem as Error).message);
    }
  };

  if (editing) {
    return (
      <li class="saved-row">
        <form class="settings-form" onSubmit={(event) => void rename(event)} noValidate>
          <TextField
            id={`name-${saved.id}`}
            label={`New name for “${saved.name}”`}
            value={name}
            hint="Up to 80 characters."
            error={error}
            onInput={setName}
          />
          <div class="form-actions">
            <button type="submit" class="primary">
              Save name
            </button>
            <button type="button" class="secondary" onClick={() => setEditing(false)}>
              Cancel
            </button>
          </div>
        </form>
      </li>
    );
  }
  return (
    <li class="saved-row">
      <div>
        <p class="saved-name">{saved.name}</p>
        <p class="muted hint">
          {describeQuery(saved.query)} · {saved.provider === 'demo' ? 'Demo' : 'Eventbrite'}
        </p>
      </div>
      <div class="form-actions">
        <button
          type="button"
          class="secondary"
          aria-label={`Rename “${saved.name}”`}
          onClick={() => setEditing(true)}
        >
          Rename
        </button>
        <button
          type="button"
          class="secondary"
          aria-label={`Remove “${saved.name}”`}
          onClick={() =>
            void sendMessage('saved/remove', saved.id).catch((problem: Error) => onProblem(problem.message))
          }
        >
          Remove
        </button>
      </div>
    </li>
  );
}

/** The saved searches that follow the user across browsers: rename or remove them. */
export function SavedSearchList() {
  const [saved, setSaved] = useState<SavedSearch[]>();
  const [problem, setProblem] = useState<string>();

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
      <h2 id="saved-heading">Saved searches</h2>
      {problem && (
        <p class="alert" role="alert">
          {problem}
        </p>
      )}
      {saved?.length === 0 && (
        <p class="muted">None yet. Use “Save search” in the popup to keep a search syncing.</p>
      )}
      {saved && saved.length > 0 && (
        <ul class="saved-list" aria-label="Saved searches">
          {saved.map((search) => (
            <SavedSearchRow key={search.id} saved={search} onProblem={setProblem} />
          ))}
        </ul>
      )}
    </section>
  );
}
