import { i18n } from '#i18n';
import { HostAccessNotice } from '@/components/HostAccessNotice';
import { useAuthStates } from '@/components/useAuthStates';
import { OFFERED_SIGN_IN_PROVIDERS } from '@/lib/settings';
import { CacheSection } from './CacheSection';
import { PrivacySection } from './PrivacySection';
import { RemindersSection } from './RemindersSection';
import { SavedSearchList } from './SavedSearchList';
import { SignInProviderSection } from './SignInProviderSection';
import { SyncSettings } from './SyncSettings';
import { TicketmasterSection } from './TicketmasterSection';

export function App() {
  const states = useAuthStates();
  return (
    <main class="options">
      <h1>{i18n.t('options.title')}</h1>
      <HostAccessNotice />
      {states &&
        OFFERED_SIGN_IN_PROVIDERS.map((provider) => (
          <SignInProviderSection key={provider} provider={provider} state={states[provider]} />
        ))}
      <TicketmasterSection />
      <SavedSearchList />
      <SyncSettings />
      <RemindersSection />
      <CacheSection />
      <PrivacySection />
    </main>
  );
}
