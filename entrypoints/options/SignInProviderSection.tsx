import { i18n } from '#i18n';
import { useEffect, useState } from 'preact/hooks';
import { ProviderAccount } from '@/components/AccountPanel';
import { TextField } from '@/components/TextField';
import { config } from '@/lib/config';
import { problemText, providerName } from '@/lib/words';
import { checkClientId, checkOrganizerIds } from '@/lib/settings-validation';
import type { AuthState } from '@/lib/settings';
import { eventbriteSettings } from '@/lib/providers/eventbrite-settings';
import type { SignInProviderId } from '@/lib/provider-id';

/** Eventbrite's own settings: the app's client id and the organizers to follow. */
function EventbriteSettings() {
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

  return (
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
  );
}

/** One sign-in provider's region: its own Sign in and Sign out, and for Eventbrite its settings. */
export function SignInProviderSection({ provider, state }: { provider: SignInProviderId; state: AuthState }) {
  const heading = `${provider}-heading`;
  return (
    <section aria-labelledby={heading}>
      <h2 id={heading}>{providerName(provider)}</h2>
      <ProviderAccount provider={provider} state={state} signInLabel={i18n.t('account.signIn')} />
      {provider === 'eventbrite' && <EventbriteSettings />}
    </section>
  );
}
