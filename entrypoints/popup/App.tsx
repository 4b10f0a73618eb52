import { i18n } from '#i18n';
import { useEffect } from 'preact/hooks';
import { AccountPanel } from '@/components/AccountPanel';
import { HostAccessNotice } from '@/components/HostAccessNotice';
import { revealApp } from '@/components/popup-snapshot';
import { sessionOwner } from '@/lib/settings';
import { useAuthState } from '@/components/useAuthState';
import { SearchPanel } from './SearchPanel';

export function App() {
  const state = useAuthState();
  useEffect(() => {
    // Signed out (or signing in): nothing of the last results may stay on screen.
    if (state && state.status !== 'signed-in') revealApp();
  }, [state]);
  return (
    <main class="popup">
      <header class="popup-header">
        <img src="/icon/32.png" alt="" width={20} height={20} />
        <h1>{i18n.t('extName')}</h1>
      </header>
      <HostAccessNotice />
      {state?.status === 'signed-in' && (
        <SearchPanel provider={state.provider} owner={sessionOwner(state.provider, state.account)} />
      )}
      {state && (
        <footer class={state.status === 'signed-in' ? 'popup-footer' : undefined}>
          <AccountPanel state={state} pitch={i18n.t('account.pitch')} />
        </footer>
      )}
    </main>
  );
}
