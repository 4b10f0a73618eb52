import { i18n } from '#i18n';
import { useEffect, useState } from 'preact/hooks';
import { TextField } from '@/components/TextField';
import { useStoredValue } from '@/components/useStoredValue';
import { config } from '@/lib/config';
import { sendMessage } from '@/lib/messages';
import { problemText, providerName } from '@/lib/words';
import { checkClientId, checkOrganizerIds } from '@/lib/settings-validation';
import { OFFERED_SIGN_IN_PROVIDERS, providerSetting } from '@/lib/settings';
import { eventbriteSettings } from '@/lib/providers/eventbrite-settings';
import type { SignInProviderId } from '@/lib/provider-id';

/** Which provider to use and, for Eventbrite, the app's client id and the organizers to follow. */
export function ProviderSettings() {
  const provider = useStoredValue(providerSetting);
  const [clientId, setClientId] = useState('');
  const [organizerIds, setOrganizerIds] = useState('');
  const [errors, setErrors] = useState<{ clientId?: string; organizerIds?: string }>({});
  const [saved, setSaved] = useState('');

  useEffect(() => {
    void eventbriteSettings.getValue().then((settings) => {
      setClientId(settings.clientId);
      setOrganizerIds(settings.organizerIds.join(', '));
    });
  }, []);

  const choose = async (next: SignInProviderId) => {
    setSaved('');
    await sendMessage('auth/switch-provider', next);
  };

  const save = async (event: Event) => {
    event.preventDefault();
    const client = checkClientId(clientId);
    const organizers = checkOrganizerIds(organizerIds);
    setErrors({
      clientId: client.ok ? undefined : problemText(client.problem),
      organizerIds: organizers.ok ? undefined : problemText(organizers.problem),
    });
    if (!client.ok || !organizers.ok) return;
    await eventbriteSettings.setValue({ clientId: client.value, organizerIds: organizers.value });
    setOrganizerIds(organizers.value.join(', '));
    setSaved(i18n.t('options.saved'));
  };

  if (provider === undefined) return null;
  return (
    <section aria-labelledby="provider-heading">
      <h2 id="provider-heading">{i18n.t('options.providerHeading')}</h2>
      <fieldset class="choices">
        <legend>{i18n.t('options.provider')}</legend>
        {OFFERED_SIGN_IN_PROVIDERS.map((id) => (
          <label key={id} class="check">
            <input
              type="radio"
              name="provider"
              value={id}
              checked={provider === id}
              onChange={() => void choose(id)}
            />
            {providerName(id)}
          </label>
        ))}
      </fieldset>
      <p class="muted hint">{i18n.t('options.switchHint')}</p>
      {provider === 'eventbrite' && (
        <form class="settings-form" onSubmit={(event) => void save(event)} noValidate>
          <TextField
            id="client-id"
            label={i18n.t('options.clientId')}
            value={clientId}
            placeholder={config.eventbrite.clientId || i18n.t('options.clientIdPlaceholder')}
            hint={i18n.t(config.eventbrite.clientId ? 'options.clientIdBuiltIn' : 'options.clientIdCreate')}
            error={errors.clientId}
            onInput={setClientId}
          />
          <TextField
            id="organizer-ids"
            label={i18n.t('options.organizerIds')}
            value={organizerIds}
            placeholder="1234567, 7654321"
            hint={i18n.t('options.organizerIdsHint')}
            error={errors.organizerIds}
            onInput={setOrganizerIds}
          />
          <div class="form-actions">
            <button type="submit" class="primary">
              {i18n.t('options.save')}
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
