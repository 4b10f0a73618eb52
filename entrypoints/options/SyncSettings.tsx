import { i18n } from '#i18n';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { TextField } from '@/components/TextField';
import { timeAgo } from '@/lib/format';
import { sendMessage } from '@/lib/messages';
import { checkSyncInterval } from '@/lib/settings-validation';
import { problemText, syncOutcomeText } from '@/lib/words';
import {
  SYNC_INTERVAL_RANGE,
  syncSettings,
  syncStatus,
  type SyncSettings as Settings,
  type SyncStatus,
} from '@/lib/sync-settings';

/** How often saved searches sync, whether to notify, "Sync now" and how the last cycle went. */
export function SyncSettings() {
  const [settings, setSettings] = useState<Settings>();
  const [interval, setInterval] = useState('');
  const [error, setError] = useState<string>();
  const [saved, setSaved] = useState('');
  const [status, setStatus] = useState<SyncStatus | null>(null);
  const [syncing, setSyncing] = useState(false);

  useEffect(() => {
    void syncSettings.getValue().then((value) => {
      setSettings(value);
      setInterval(String(value.intervalMinutes));
    });
    void syncStatus.getValue().then(setStatus);
    const unwatchSettings = syncSettings.watch((value) => setSettings(value));
    const unwatchStatus = syncStatus.watch(setStatus);
    return () => {
      unwatchSettings();
      unwatchStatus();
    };
  }, []);

  if (!settings) return null;

  const saveInterval = async (event: Event) => {
    event.preventDefault();
    const checked = checkSyncInterval(interval, SYNC_INTERVAL_RANGE);
    setError(checked.ok ? undefined : problemText(checked.problem));
    setSaved('');
    if (!checked.ok) return;
    await syncSettings.setValue({ ...settings, intervalMinutes: checked.value });
    setSaved(i18n.t('options.saved'));
  };

  const syncNow = async () => {
    setSyncing(true);
    try {
      setStatus(await sendMessage('sync/run'));
    } finally {
      setSyncing(false);
    }
  };

  const toggleNotifications = async (on: boolean) => {
    // The permission is asked for in the click that turns notifications on, as browsers require.
    const granted = !on || (await browser.permissions.request({ permissions: ['notifications'] }));
    await syncSettings.setValue({ ...settings, notifications: on && granted });
  };

  return (
    <section aria-labelledby="sync-heading">
      <h2 id="sync-heading">{i18n.t('options.syncHeading')}</h2>
      <form class="settings-form" onSubmit={(event) => void saveInterval(event)} noValidate>
        <TextField
          id="sync-interval"
          label={i18n.t('options.syncEvery')}
          value={interval}
          inputMode="numeric"
          hint={i18n.t('options.syncEveryHint', {
            min: String(SYNC_INTERVAL_RANGE.min),
            max: String(SYNC_INTERVAL_RANGE.max),
          })}
          error={error}
          onInput={setInterval}
        />
        <div class="form-actions">
          <button type="submit" class="primary">
            {i18n.t('options.save')}
          </button>
          <p class="muted" aria-live="polite">
            {saved}
          </p>
        </div>
      </form>
      <label class="check spaced">
        <input
          type="checkbox"
          checked={settings.notifications}
          onChange={(event) => void toggleNotifications(event.currentTarget.checked)}
        />
        {i18n.t('options.notify')}
      </label>
      <div class="form-actions spaced">
        <button type="button" class="secondary" disabled={syncing} onClick={() => void syncNow()}>
          {i18n.t('search.syncNow')}
        </button>
        <p class="muted" aria-live="polite">
          {syncing
            ? i18n.t('lastSync.syncing')
            : status
              ? i18n.t('lastSync.at', { when: timeAgo(status.at), outcome: syncOutcomeText(status) })
              : i18n.t('lastSync.never')}
        </p>
      </div>
    </section>
  );
}
