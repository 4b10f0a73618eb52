import { i18n } from '#i18n';
import { useState } from 'preact/hooks';
import { TextField } from '@/components/TextField';
import { useStoredValue } from '@/components/useStoredValue';
import { sendMessage } from '@/lib/messages';
import { problemOf } from '@/lib/problem';
import { ticketmasterConnection, type TicketmasterConnection } from '@/lib/settings';
import { problemText, providerName } from '@/lib/words';

/** Which key searches Ticketmaster now, in words. */
function connectionText(connection: TicketmasterConnection): string {
  if (connection.source === 'own') return i18n.t('ticketmaster.own', { ending: connection.ending });
  return i18n.t(connection.source === 'built-in' ? 'ticketmaster.builtIn' : 'ticketmaster.none');
}

/**
 * Ticketmaster's key: typed, checked by the background with one request, and kept only if Ticketmaster
 * takes it. The field never shows the key back; the line above it says whose key is in use.
 */
export function TicketmasterSection() {
  const connection = useStoredValue(ticketmasterConnection);
  const [key, setKey] = useState('');
  const [error, setError] = useState<string>();
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);

  const save = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setStatus('');
    try {
      const check = await sendMessage('ticketmaster/save-key', key);
      setError(undefined);
      setKey('');
      setStatus(i18n.t(check === 'limited' ? 'ticketmaster.limited' : 'ticketmaster.accepted'));
    } catch (failure) {
      setError(problemText(problemOf(failure)));
    } finally {
      setBusy(false);
    }
  };

  const remove = async () => {
    setError(undefined);
    try {
      await sendMessage('ticketmaster/remove-key');
      setStatus(i18n.t('ticketmaster.removed'));
    } catch (failure) {
      setStatus(problemText(problemOf(failure)));
    }
  };

  if (!connection) return null;
  const name = providerName('ticketmaster');
  return (
    <section aria-labelledby="ticketmaster-heading">
      <h2 id="ticketmaster-heading">{name}</h2>
      <p>{connectionText(connection)}</p>
      <form class="settings-form" onSubmit={(event) => void save(event)} noValidate>
        <TextField
          id="ticketmaster-key"
          label={i18n.t('ticketmaster.apiKey')}
          value={key}
          hint={i18n.t('ticketmaster.hint')}
          error={error}
          secret
          onInput={setKey}
        />
        <div class="form-actions">
          <button type="submit" class="primary" disabled={busy}>
            {i18n.t('options.save')}
          </button>
          {connection.source === 'own' && (
            <button type="button" onClick={() => void remove()}>
              {i18n.t('ticketmaster.remove')}
            </button>
          )}
          <p role="status" class="muted">
            {status}
          </p>
        </div>
      </form>
    </section>
  );
}
