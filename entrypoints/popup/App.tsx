import { i18n } from '#i18n';
import { useEffect } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { AccountPanel } from '@/components/AccountPanel';
import { HostAccessNotice } from '@/components/HostAccessNotice';
import { revealApp } from '@/components/popup-snapshot';
import { snapshotOwner } from '@/lib/owners';
import { useConnections } from '@/components/useConnections';
import { SearchPanel } from './SearchPanel';

export function App() {
  const { auth: state, ticketmaster, providers } = useConnections();
  const connected = providers.length > 0;
  useEffect(() => {
    // Nothing connected (or signing in): nothing of the last results may stay on screen.
    if (state && ticketmaster && (!connected || state.status === 'signing-in')) revealApp();
  }, [state, ticketmaster, connected]);
  return (
    <main class="popup">
      <header class="popup-header">
        <img src="/icon/32.png" alt="" width={20} height={20} />
        <h1>{i18n.t('extName')}</h1>
      </header>
      <HostAccessNotice />
      {state && ticketmaster && connected && (
        <SearchPanel
          // Another set of providers is another search: start it afresh.
          key={providers.join(' ')}
          providers={providers}
          signedIn={state.status === 'signed-in' ? state.provider : undefined}
          owner={snapshotOwner(state, ticketmaster)}
        />
      )}
      {state && (
        <footer class={connected ? 'popup-footer' : undefined}>
          <AccountPanel
            state={state}
            pitch={i18n.t('account.pitch')}
            onChooseProvider={() => void browser.runtime.openOptionsPage()}
          />
          {!connected && ticketmaster?.source === 'none' && (
            // Ticketmaster needs no sign-in: its key goes in Options, where it is checked.
            <div class="signed-out">
              <p>{i18n.t('account.ticketmasterPitch')}</p>
              <button type="button" class="secondary" onClick={() => void browser.runtime.openOptionsPage()}>
                {i18n.t('account.addTicketmasterKey')}
              </button>
            </div>
          )}
        </footer>
      )}
    </main>
  );
}
