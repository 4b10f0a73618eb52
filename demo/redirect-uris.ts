import { createHash } from 'node:crypto';
import { CHROME_MANIFEST_KEY, GECKO_ID } from '../lib/extension-identity.ts';

/** Chrome's extension id: the first 128 bits of sha256(public key DER), hex digits mapped to a–p. */
export function chromeExtensionId(manifestKey = CHROME_MANIFEST_KEY): string {
  const hex = createHash('sha256').update(Buffer.from(manifestKey, 'base64')).digest('hex');
  return [...hex.slice(0, 32)].map((digit) => String.fromCharCode(97 + parseInt(digit, 16))).join('');
}

export function chromeRedirectUri(): string {
  return `https://${chromeExtensionId()}.chromiumapp.org/`;
}

export function firefoxRedirectUri(): string {
  return `https://${createHash('sha1').update(GECKO_ID).digest('hex')}.extensions.allizom.org/`;
}

/** Firefox also accepts its loopback form for the same add-on. */
export function firefoxLoopbackRedirectUri(): string {
  return `http://127.0.0.1/mozoauth2/${createHash('sha1').update(GECKO_ID).digest('hex')}`;
}

export function extensionRedirectUris(): string[] {
  return [chromeRedirectUri(), firefoxRedirectUri(), firefoxLoopbackRedirectUri()];
}
