import { i18n } from '#i18n';
import { useEffect } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { AccountPanel } from '@/components/AccountPanel';
import { HostAccessNotice } from '@/components/HostAccessNotice';
import { revealApp } from '@/components/popup-snapshot';
import { snapshotOwner } from '@/lib/owners';
import { useConnections } from '@/components/useConnections';
import { loadScript } from '@/components/load-script';
import { SearchPanel } from './SearchPanel';
import { userZone } from './useSearch';

/** Opens "My events" (entrypoints/my-events.tsx); focus goes back to `opener` when it closes. */
const openMyEvents = (opener: HTMLElement) =>
  void loadScript('/my-events.js').then(() =>
    window.eventScoutMyEvents!.open(userZone, () => opener.focus()),
  );

const MyEventsButton = () => (
  <button type="button" class="secondary small" onClick={(click) => openMyEvents(click.currentTarget)}>
    {i18n.t('myEvents.open')}
  </button>
);

export function App() {
  const { auth: states, ticketmaster, providers } = useConnections();
  const connected = providers.length > 0;
  const signingIn = states && Object.values(states).some((state) => state.status === 'signing-in');
  useEffect(() => {
    // Nothing connected (or signing in): nothing of the last results may stay on screen.
    if (states && ticketmaster && (!connected || signingIn)) revealApp();
  }, [states, ticketmaster, connected, signingIn]);
  return (
    <main class="popup">
      <header class="popup-header">
        <img src="/icon/32.png" alt="" width={20} height={20} />
        <h1>{i18n.t('extName')}</h1>
        {/* In the header's spare room, so the results keep the footer's. */}
        {connected && <MyEventsButton />}
      </header>
      <HostAccessNotice />
      {states && ticketmaster && connected && (
        <SearchPanel
          // Another set of providers is another search: start it afresh.
          key={providers.join(' ')}
          providers={providers}
          owner={snapshotOwner(Object.values(states), ticketmaster)}
        />
      )}
      {states && (
        <footer class={connected ? 'popup-footer' : undefined}>
          <AccountPanel
            states={states}
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
          {/* What the user kept stays theirs, connected or not: with nothing connected, after the ways to connect. */}
          {!connected && <MyEventsButton />}
        </footer>
      )}
    </main>
  );
}
