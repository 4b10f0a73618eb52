import { i18n } from '#i18n';
import { useEffect, useRef } from 'preact/hooks';
import { ConnectChoices } from '@/components/ConnectChoices';
import { revealApp } from '@/components/popup-snapshot';
import { onPermissionsChanged, withoutAccess } from '@/lib/host-access';
import { snapshotOwner } from '@/lib/owners';
import { useConnections } from '@/components/useConnections';
import { loadScript } from '@/components/load-script';
import { inPanel, PanelButton } from '@/components/PanelButton';
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

/**
 * Where the notice of a withdrawn host permission goes (entrypoints/access-notice.tsx), loaded the first
 * time one is missing.
 */
function AccessNoticeSlot() {
  const slot = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const check = () =>
      void withoutAccess().then(async (missing) => {
        if (!missing.length) return;
        // Shown once; from then on the notice follows the permissions itself.
        stop();
        await loadScript('/access-notice.js');
        window.eventScoutAccessNotice!.show(slot.current!);
      });
    const stop = onPermissionsChanged(check);
    check();
    return stop;
  }, []);
  // Hidden while empty (popup.css), so it takes no room, nor a gap, in the popup's column: before the
  // notice is shown, and once access is back.
  return <div ref={slot} class="access-slot" />;
}

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
        {/* In the header's spare room, so the results keep the footer's; with nothing connected the ways to
            connect come first. */}
        {connected && <MyEventsButton />}
        {connected && !inPanel() && <PanelButton />}
      </header>
      <AccessNoticeSlot />
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
          <ConnectChoices states={states} ticketmaster={ticketmaster} connected={connected} />
          {/* What the user kept stays theirs, connected or not: with nothing connected, after the ways to connect. */}
          {!connected && <MyEventsButton />}
        </footer>
      )}
    </main>
  );
}
