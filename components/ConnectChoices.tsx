import { i18n } from '#i18n';
import { browser } from 'wxt/browser';
import type { AuthStates, TicketmasterConnection } from '@/lib/settings';
import { AccountPanel } from './AccountPanel';

const openOptions = () => void browser.runtime.openOptionsPage();

interface Props {
  states: AuthStates;
  ticketmaster?: TicketmasterConnection;
  /** Ticketmaster's pitch is made only while nothing is connected. */
  connected: boolean;
}

/** The accounts and the ways to connect: signing in, and Ticketmaster's key (checked in Options). */
export function ConnectChoices({ states, ticketmaster, connected }: Props) {
  return (
    <>
      <AccountPanel states={states} pitch={i18n.t('account.pitch')} onChooseProvider={openOptions} />
      {!connected && ticketmaster?.source === 'none' && (
        <div class="signed-out">
          <p>{i18n.t('account.ticketmasterPitch')}</p>
          <button type="button" class="secondary" onClick={openOptions}>
            {i18n.t('account.addTicketmasterKey')}
          </button>
        </div>
      )}
    </>
  );
}
