import { i18n } from '#i18n';
import { useEffect, useState } from 'preact/hooks';
import { listFormat } from './format';
import { useStoredValue } from './useStoredValue';
import { browser } from 'wxt/browser';
import { hasHostAccess, hostNames, requestHostAccess } from '@/lib/host-access';
import { providerSetting } from '@/lib/settings';

/**
 * Shown when the user has withdrawn the active provider's host permission (Firefox allows that for MV3
 * extensions): says which hosts, and asks again from the button's click, the only place browsers
 * allow the request. The provider is kept in state so the click can ask at once.
 */
export function HostAccessNotice() {
  const provider = useStoredValue(providerSetting);
  const [granted, setGranted] = useState(true);

  useEffect(() => {
    if (!provider) return;
    const check = () => void hasHostAccess(provider).then(setGranted, () => setGranted(true));
    check();
    browser.permissions.onAdded.addListener(check);
    browser.permissions.onRemoved.addListener(check);
    return () => {
      browser.permissions.onAdded.removeListener(check);
      browser.permissions.onRemoved.removeListener(check);
    };
  }, [provider]);

  if (!provider || granted) return null;
  return (
    <div class="banner access-notice" role="region" aria-label={i18n.t('access.region')}>
      <p>{i18n.t('access.needed', { hosts: listFormat().format(hostNames(provider)) })}</p>
      <button type="button" class="primary" onClick={() => void requestHostAccess(provider).then(setGranted)}>
        {i18n.t('access.allow')}
      </button>
    </div>
  );
}
