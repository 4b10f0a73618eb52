import { AuthError } from './errors';

export function isLoopbackUrl(url: URL): boolean {
  return url.hostname === '127.0.0.1' || url.hostname === '[::1]' || url.hostname === 'localhost';
}

/** OAuth endpoints must be https; plain http is allowed for loopback only (the demo provider). */
export function secureEndpoint(value: string, what: string): URL {
  const url = new URL(value);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopbackUrl(url))) {
    throw new AuthError('not-configured', `${what} ${url.origin} is neither https nor loopback`);
  }
  return url;
}
