import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { TextField } from '@/components/TextField';
import { updatedAgo } from '@/components/format';
import { sendMessage } from '@/lib/messages';
import { checkSyncInterval } from '@/lib/settings-validation';
import {
  SYNC_INTERVAL_RANGE,
  syncSettings,
  syncStatus,
  type SyncSettings as Settings,
  type SyncStatus,
} from '@/lib/settings';

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
    setError(checked.ok ? undefined : checked.message);
    setSaved('');
    if (!checked.ok) return;
    await syncSettings.setValue({ ...settings, intervalMinutes: checked.value });
    setSaved('Saved.');
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
      <h2 id="sync-heading">Background sync</h2>
      <form class="settings-form" onSubmit={(event) => void saveInterval(event)} noValidate>
        <TextField
          id="sync-interval"
          label="Sync every (minutes)"
          value={interval}
          inputMode="numeric"
          hint={`From ${SYNC_INTERVAL_RANGE.min} to ${SYNC_INTERVAL_RANGE.max} minutes.`}
          error={error}
          onInput={setInterval}
        />
        <div class="form-actions">
          <button type="submit" class="primary">
            Save
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
        Notify me about new events
      </label>
      <div class="form-actions spaced">
        <button type="button" class="secondary" disabled={syncing} onClick={() => void syncNow()}>
          Sync now
        </button>
        <p class="muted" aria-live="polite">
          {syncing
            ? 'Syncing…'
            : status
              ? `Last sync: ${updatedAgo(status.at).replace('Updated ', '')}. ${status.message}`
              : 'Not synced yet.'}
        </p>
      </div>
    </section>
  );
}
