import { useEffect, useState } from 'preact/hooks';
import { TextField } from '@/components/TextField';
import { config } from '@/lib/config';
import { sendMessage } from '@/lib/messages';
import { checkClientId, checkOrganizerIds } from '@/lib/settings-validation';
import { eventbriteSettings, providerSetting } from '@/lib/settings';
import { PROVIDER_IDS, type ProviderId } from '@/lib/provider-id';

const LABELS: Record<ProviderId, string> = { demo: 'Demo', eventbrite: 'Eventbrite' };

/** Which provider to use and, for Eventbrite, the app's client id and the organizers to follow. */
export function ProviderSettings() {
  const [provider, setProvider] = useState<ProviderId | null>();
  const [clientId, setClientId] = useState('');
  const [organizerIds, setOrganizerIds] = useState('');
  const [errors, setErrors] = useState<{ clientId?: string; organizerIds?: string }>({});
  const [saved, setSaved] = useState('');

  useEffect(() => {
    void providerSetting.getValue().then(setProvider);
    void eventbriteSettings.getValue().then((settings) => {
      setClientId(settings.clientId);
      setOrganizerIds(settings.organizerIds.join(', '));
    });
    return providerSetting.watch(setProvider);
  }, []);

  const choose = async (next: ProviderId) => {
    setSaved('');
    await sendMessage('auth/switch-provider', next);
  };

  const save = async (event: Event) => {
    event.preventDefault();
    const client = checkClientId(clientId);
    const organizers = checkOrganizerIds(organizerIds);
    setErrors({
      clientId: client.ok ? undefined : client.message,
      organizerIds: organizers.ok ? undefined : organizers.message,
    });
    if (!client.ok || !organizers.ok) return;
    await eventbriteSettings.setValue({ clientId: client.value, organizerIds: organizers.value });
    setOrganizerIds(organizers.value.join(', '));
    setSaved('Saved.');
  };

  if (provider === undefined) return null;
  return (
    <section aria-labelledby="provider-heading">
      <h2 id="provider-heading">Events provider</h2>
      <fieldset class="choices">
        <legend>Provider</legend>
        {PROVIDER_IDS.map((id) => (
          <label key={id} class="check">
            <input
              type="radio"
              name="provider"
              value={id}
              checked={provider === id}
              onChange={() => void choose(id)}
            />
            {LABELS[id]}
          </label>
        ))}
      </fieldset>
      <p class="muted hint">
        Switching provider signs you out; what was cached for the old account is removed.
      </p>
      {provider === 'eventbrite' && (
        <form class="settings-form" onSubmit={(event) => void save(event)} noValidate>
          <TextField
            id="client-id"
            label="Client id"
            value={clientId}
            placeholder={config.eventbrite.clientId || 'Your Eventbrite app’s API key'}
            hint={
              config.eventbrite.clientId
                ? 'Leave empty to use the one this build came with.'
                : 'Create an app at eventbrite.com/platform/api-keys.'
            }
            error={errors.clientId}
            onInput={setClientId}
          />
          <TextField
            id="organizer-ids"
            label="Organizer ids"
            value={organizerIds}
            placeholder="1234567, 7654321"
            hint="Comma-separated. Their events are searched along with your orders and your organizations’ events."
            error={errors.organizerIds}
            onInput={setOrganizerIds}
          />
          <div class="form-actions">
            <button type="submit" class="primary">
              Save
            </button>
            <p role="status" class="muted">
              {saved}
            </p>
          </div>
        </form>
      )}
    </section>
  );
}
