import { i18n } from '#i18n';

/** "Privacy": what is stored where, and what leaves the device and to whom (PRIVACY.md says the same). */
export function PrivacySection() {
  return (
    <section aria-labelledby="privacy-heading">
      <h2 id="privacy-heading">{i18n.t('privacy.heading')}</h2>
      <ul>
        <li>{i18n.t('privacy.device')}</li>
        <li>{i18n.t('privacy.synced')}</li>
        <li>{i18n.t('privacy.providers')}</li>
        <li>{i18n.t('privacy.calendar')}</li>
        <li>{i18n.t('privacy.nowhereElse')}</li>
      </ul>
    </section>
  );
}
