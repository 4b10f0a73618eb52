import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { abandonDeadSignIn, signIn, signOut, switchProvider } from '@/lib/auth/session';
import { clearSearchCache } from '@/lib/cache/db';
import { dropExpiredContent } from '@/lib/cache/retention';
import { listenForMessages } from '@/lib/messages';
import { ProblemError } from '@/lib/problem';
import { renameSavedSearch } from '@/lib/saved-searches';
import { loadMore, runSearch } from '@/lib/search';
import { authState } from '@/lib/settings';
import { syncSettings } from '@/lib/sync-settings';
import { isSignInProviderId } from '@/lib/provider-id';
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

const onNotificationClicked = (id: string) => void openNotification(id);

/** Notifications are an optional permission: their API exists only once it is granted. */
function listenForNotificationClicks() {
  const notifications = browser.notifications;
  if (notifications && !notifications.onClicked.hasListener(onNotificationClicked))
    notifications.onClicked.addListener(onNotificationClicked);
}

export default defineBackground(() => {
  // A sign-in that was running when the last worker stopped is over: settle it before anything else.
  const ready = abandonDeadSignIn();

  listenForMessages(
    {
      // Answers at once: the flow outlives the popup, which follows authState for the outcome.
      'auth/sign-in': () => {
        void signIn();
      },
      'auth/sign-out': signOut,
      'auth/state': async () => {
        await abandonDeadSignIn();
        return authState.getValue();
      },
      'auth/switch-provider': async (provider) => {
        if (!isSignInProviderId(provider)) throw new ProblemError('failed', { detail: 'unknown provider' });
        await switchProvider(provider);
      },
      'search/run': runSearch,
      'search/more': loadMore,
      'saved/toggle': toggleSavedSearch,
      'saved/rename': ({ id, name }) => renameSavedSearch(id, name),
      'saved/remove': forgetSavedSearch,
      'sync/run': runSyncCycle,
      'sync/new-matches': takeNewMatches,
      'cache/clear': clearSearchCache,
      'ticketmaster/save-key': saveTicketmasterKey,
      'ticketmaster/remove-key': removeTicketmasterKey,
    },
    ready,
  );

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_ALARM) void dropExpiredContent();
    if (alarm.name === SYNC_ALARM || alarm.name === RESUME_ALARM) void runSyncCycle();
  });
  browser.runtime.onStartup.addListener(() => {
    void abandonDeadSignIn();
    void dropExpiredContent();
    void runSyncCycle();
  });
  listenForNotificationClicks();
  browser.permissions.onAdded.addListener(listenForNotificationClicks);

  void ensureSyncAlarm();
  syncSettings.watch(() => void ensureSyncAlarm());
});
