import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { adoptSingleProviderSession } from '@/lib/auth/legacy-session';
import { abandonDeadSignIns, signIn, signOut } from '@/lib/auth/session';
import { clearSearchCache } from '@/lib/cache/db';
import { dropExpiredContent } from '@/lib/cache/retention';
import { forgetLongEnded, toggleInterested } from '@/lib/interested';
import { isInterestedKey } from '@/lib/interested-key';
import {
  fireReminder,
  isReminderAlarm,
  openReminder,
  planAndSetReminders,
  REMINDER_LEAD_KEY,
} from '@/lib/reminders';
import { listenForMessages } from '@/lib/messages';
import { ensureRereadAlarm, REREAD_ALARM, rereadInterested } from '@/lib/reread';
import { ProblemError } from '@/lib/problem';
import { createSearchMenu, listenForSearchMenu } from '@/lib/search-menu';
import {
  defaultSuggestion,
  enterInAddressBar,
  leaveAddressBar,
  suggestCachedEvents,
} from '@/lib/address-bar';
import { holdsNothingYet, welcomeOnInstall } from '@/lib/welcome';
import { listSavedSearches, renameSavedSearch } from '@/lib/saved-searches';
import { loadMore, runSearch } from '@/lib/search';
import { readAuthStates } from '@/lib/settings';
import { syncSettings } from '@/lib/sync-settings';
import { isSignInProviderId, type SignInProviderId } from '@/lib/provider-id';
import { removeTicketmasterKey, saveTicketmasterKey } from '@/lib/ticketmaster-key';
import {
  ensureSyncAlarm,
  forgetSavedSearch,
  openNotification,
  RESUME_ALARM,
  runSyncCycle,
  SYNC_ALARM,
  takeNewMatches,
  toggleSavedSearch,
} from '@/lib/sync';

const onNotificationClicked = (id: string) =>
  void (isReminderAlarm(id) ? openReminder(id) : openNotification(id));

/** Notifications are an optional permission: their API exists only once it is granted. */
function listenForNotificationClicks() {
  const notifications = browser.notifications;
  if (notifications && !notifications.onClicked.hasListener(onNotificationClicked))
    notifications.onClicked.addListener(onNotificationClicked);
}

/** A page names the provider; anything else is refused before it reaches the session. */
function signInProvider(provider: unknown): SignInProviderId {
  if (!isSignInProviderId(provider)) throw new ProblemError('failed', { detail: 'unknown provider' });
  return provider;
}

export default defineBackground(() => {
  // Before anything below stores a thing: a profile that holds nothing yet is a new user's.
  const fresh = holdsNothingYet();
  // A session stored the way 0.1.0 stored it moves to its provider's keys, and a sign-in that was running
  // when the last worker stopped is over: both are settled before anything else.
  const ready = adoptSingleProviderSession().then(abandonDeadSignIns);

  listenForMessages(
    {
      // Answers at once: the flow outlives the popup, which follows authStates for the outcome.
      'auth/sign-in': (provider) => {
        void signIn(signInProvider(provider));
      },
      'auth/sign-out': (provider) => signOut(signInProvider(provider)),
      'auth/state': async () => {
        await abandonDeadSignIns();
        return readAuthStates();
      },
      'search/run': runSearch,
      'search/more': loadMore,
      'saved/toggle': toggleSavedSearch,
      'saved/rename': ({ id, name }) => renameSavedSearch(id, name),
      'saved/list': listSavedSearches,
      'saved/remove': forgetSavedSearch,
      'interested/toggle': toggleInterested,
      'sync/run': runSyncCycle,
      'sync/new-matches': takeNewMatches,
      'cache/clear': clearSearchCache,
      'ticketmaster/save-key': saveTicketmasterKey,
      'ticketmaster/remove-key': removeTicketmasterKey,
    },
    ready,
  );

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_ALARM) {
      void dropExpiredContent();
      void forgetLongEnded();
    }
    if (alarm.name === SYNC_ALARM || alarm.name === RESUME_ALARM) void ready.then(runSyncCycle);
    if (isReminderAlarm(alarm.name)) void fireReminder(alarm.name);
    if (alarm.name === REREAD_ALARM) void ready.then(() => rereadInterested());
  });
  // Reminders follow storage: an event kept or forgotten (here or in another browser), a re-read moving
  // one, the lead changed. And since alarms do not survive every update and restart, each worker start
  // (install, update, browser start-up, or a stopped worker woken) plans them again.
  browser.storage.sync.onChanged.addListener((changes) => {
    if (Object.keys(changes).some((key) => isInterestedKey(key) || key === REMINDER_LEAD_KEY))
      void planAndSetReminders();
    void ensureRereadAlarm();
  });
  void planAndSetReminders();
  void ensureRereadAlarm();
  browser.runtime.onStartup.addListener(() => {
    void createSearchMenu();
    void dropExpiredContent();
    void ready.then(runSyncCycle);
  });
  listenForNotificationClicks();

  browser.runtime.onInstalled.addListener((details) => {
    void welcomeOnInstall(details, fresh);
    void createSearchMenu();
  });
  listenForSearchMenu();
  void browser.omnibox.setDefaultSuggestion({ description: defaultSuggestion() });
  browser.omnibox.onInputChanged.addListener(
    (text, suggest) => void suggestCachedEvents(text).then(suggest, () => suggest([])),
  );
  browser.omnibox.onInputEntered.addListener(
    (text, disposition) => void enterInAddressBar(text, disposition),
  );
  browser.omnibox.onInputCancelled.addListener(leaveAddressBar);
  browser.permissions.onAdded.addListener(listenForNotificationClicks);

  void ensureSyncAlarm();
  syncSettings.watch(() => void ensureSyncAlarm());
});
