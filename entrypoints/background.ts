import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { abandonDeadSignIn, signIn, signOut, switchProvider } from '@/lib/auth/session';
import { listenForMessages } from '@/lib/messages';
import { loadMore, runSearch } from '@/lib/search';
import { authState, isProviderId } from '@/lib/settings';

export default defineBackground(() => {
  // A sign-in that was running when the last worker stopped is over: settle it before anything else.
  const ready = abandonDeadSignIn();

  listenForMessages(
    {
      'auth/sign-in': async () => {
        void signIn();
      },
      'auth/sign-out': signOut,
      'auth/state': async () => {
        await abandonDeadSignIn();
        return authState.getValue();
      },
      'auth/switch-provider': async (provider) => {
        if (!isProviderId(provider)) throw new Error('Unknown provider.');
        await switchProvider(provider);
      },
      'search/run': runSearch,
      'search/more': loadMore,
    },
    ready,
  );

  browser.runtime.onStartup.addListener(() => void abandonDeadSignIn());
});
