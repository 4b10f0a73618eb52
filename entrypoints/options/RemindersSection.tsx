import { i18n } from '#i18n';
import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { useStoredValue } from '@/components/useStoredValue';
import { REMINDER_LEADS, reminderLead, type ReminderLead } from '@/lib/reminders';

const LEAD_WORDS = {
  off: 'reminders.off',
  15: 'reminders.minutes15',
  60: 'reminders.hour1',
  1440: 'reminders.day1',
} as const satisfies Record<ReminderLead, string>;

/**
 * "Reminders": how long before an Interested event its notification comes, or off. The choice is kept
 * whatever the browser answers when asked for notifications: a refusal is said, and undoes nothing.
 */
export function RemindersSection() {
  const lead = useStoredValue(reminderLead);
  const [denied, setDenied] = useState(false);
  if (lead === undefined) return null;

  const choose = async (value: ReminderLead) => {
    // Asked in the change itself, as browsers require, after the choice is kept.
    const asking =
      value === 'off'
        ? Promise.resolve(true)
        : browser.permissions.request({ permissions: ['notifications'] });
    await reminderLead.setValue(value);
    setDenied(!(await asking.catch(() => false)));
  };

  return (
    <section aria-labelledby="reminders-heading">
      <h2 id="reminders-heading">{i18n.t('reminders.label')}</h2>
      <div class="form-field">
        <label for="reminder-lead">{i18n.t('reminders.label')}</label>
        <select
          id="reminder-lead"
          aria-describedby="reminder-note"
          value={String(lead)}
          onChange={(change) => {
            const value = REMINDER_LEADS.find((choice) => String(choice) === change.currentTarget.value);
            if (value !== undefined) void choose(value);
          }}
        >
          {REMINDER_LEADS.map((choice) => (
            <option key={choice} value={String(choice)}>
              {i18n.t(LEAD_WORDS[choice])}
            </option>
          ))}
        </select>
        <p id="reminder-note" class={denied ? 'field-error' : 'muted hint'}>
          {i18n.t(denied ? 'reminders.denied' : 'reminders.hint')}
        </p>
      </div>
    </section>
  );
}
