/**
 * Fixed identities that keep the OAuth redirect URLs the same on every machine:
 * Chrome derives the extension id (and so https://<id>.chromiumapp.org/) from the manifest `key`,
 * Firefox derives https://<sha1(gecko id)>.extensions.allizom.org/ from the add-on id.
 * Only the public key is here; a store build gets its key from the Chrome Web Store.
 */
export const CHROME_MANIFEST_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAkw16aKTEcc2K+X94OUnV7JP6vYjlSci/Zaj99sB8xSPt6/xbTL+bgZ/6uT33DtcfYHBL+bVn4bWotmNeIUXlJHYyeBWW7quuMvCwfmh/Mbqi2XgOUmw70dJPrr4uhRw59qZEY+OEAoK4lhR1MDAVNLV1TE3bZC08xBxmzPB/zY9qzMp7JZsOsAN8W0vRSSxLoc1kRj1T6fxirfemAfuOWNDzRNbEULxCzopEWmoj2YOcf1+E7BKidjHv/hal7lxqoacWYc12aGSZy4kSV7ijMJjdcUJyIW6jIBgmVCsEdNCjE/JriXEMShCvoU6v0MncSYtlYwMnESfwbVifVoQQOQIDAQAB';

export const GECKO_ID = 'event-scout@addons.event-scout.dev';
