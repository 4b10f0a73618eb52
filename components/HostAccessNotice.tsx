import { i18n } from '#i18n';
import { useEffect, useState } from 'preact/hooks';
import { listFormat } from '@/lib/format';
import { hostNames, onPermissionsChanged, requestHostAccess, withoutAccess } from '@/lib/host-access';
import type { SignInProviderId } from '@/lib/provider-id';

/**
 * Shown when the user has withdrawn a sign-in provider's host permission (Firefox allows that for MV3
 * extensions): says which hosts, and asks again from the button's click, the only place browsers
 * allow the request. The providers are kept in state so the click can ask at once.
 */
export function HostAccessNotice() {
  const [missing, setMissing] = useState<SignInProviderId[]>([]);

  useEffect(() => {
    const check = () => void withoutAccess().then(setMissing);
    check();
    return onPermissionsChanged(check);
  }, []);

  if (!missing.length) return null;
  const hosts = [...new Set(missing.flatMap(hostNames))];
  return (
    <div class="banner access-notice" role="region" aria-label={i18n.t('access.region')}>
      <p>{i18n.t('access.needed', { hosts: listFormat().format(hosts) })}</p>
      <button
        type="button"
        class="primary"
        onClick={() => void requestHostAccess(...missing).then((granted) => granted && setMissing([]))}
      >
        {i18n.t('access.allow')}
      </button>
    </div>
  );
}
