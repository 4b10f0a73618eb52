import { i18n } from '#i18n';
import { AccountPanel } from '@/components/AccountPanel';
import { HostAccessNotice } from '@/components/HostAccessNotice';
import { useAuthState } from '@/components/useAuthState';
import { CacheSection } from './CacheSection';
import { ProviderSettings } from './ProviderSettings';
import { SavedSearchList } from './SavedSearchList';
import { SyncSettings } from './SyncSettings';
import { TicketmasterSection } from './TicketmasterSection';

export function App() {
  const state = useAuthState();
  return (
    <main class="options">
      <h1>{i18n.t('options.title')}</h1>
      <section aria-labelledby="account-heading">
        <h2 id="account-heading">{i18n.t('options.account')}</h2>
        <HostAccessNotice />
        {state && <AccountPanel state={state} />}
      </section>
      <ProviderSettings />
      <TicketmasterSection />
      <SavedSearchList />
      <SyncSettings />
      <CacheSection />
    </main>
  );
}
