import { i18n } from '#i18n';
import { ConnectChoices } from '@/components/ConnectChoices';
import { useConnections } from '@/components/useConnections';
import { useLaunchHints } from './useLaunchHints';

/** What Event Scout does, the ways to connect a provider, and the ways to open it. */
export function Welcome() {
  const { auth: states, ticketmaster, providers } = useConnections();
  const { shortcut, pinned } = useLaunchHints();
  return (
    <main class="welcome">
      <header>
        <img src="/icon/128.png" alt="" width={64} height={64} />
        <h1>{i18n.t('welcome.title')}</h1>
      </header>
      <p class="lead">{i18n.t('welcome.intro')}</p>

      <section aria-labelledby="welcome-connect">
        <h2 id="welcome-connect">{i18n.t('welcome.connect')}</h2>
        {states && (
          <ConnectChoices states={states} ticketmaster={ticketmaster} connected={providers.length > 0} />
        )}
      </section>

      <section aria-labelledby="welcome-open">
        <h2 id="welcome-open">{i18n.t('welcome.open')}</h2>
        <ul>
          {pinned === false && (
            <li class="pin-hint">
              <strong>{i18n.t('welcome.pin')}</strong> {i18n.t('welcome.pinSteps')}
            </li>
          )}
          <li>
            {shortcut
              ? i18n.t('welcome.shortcut', { shortcut })
              : i18n.t(import.meta.env.FIREFOX ? 'welcome.noShortcutFirefox' : 'welcome.noShortcutChrome')}
          </li>
          <li>{i18n.t('welcome.menu')}</li>
          <li>{i18n.t('welcome.addressBar')}</li>
        </ul>
      </section>
    </main>
  );
}
