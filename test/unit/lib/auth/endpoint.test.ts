import { describe, expect, test } from 'vitest';
import { secureEndpoint } from '@/lib/auth/endpoint';

describe('secureEndpoint', () => {
  test.each([
    'https://www.eventbrite.com/oauth/authorize',
    'http://127.0.0.1:8787',
    'http://localhost:9000/x',
    'http://[::1]:8787',
  ])('accepts %s', (url) => {
    expect(secureEndpoint(url, 'issuer').href).toBe(new URL(url).href);
  });

  test.each([
    'http://auth.example.org',
    'http://127.0.0.1.evil.test',
    'ftp://127.0.0.1/',
    'javascript:alert(1)',
  ])('refuses %s', (url) => {
    expect(() => secureEndpoint(url, 'issuer')).toThrow(expect.objectContaining({ code: 'not-configured' }));
  });
});
