import { describe, expect, test } from 'vitest';
import { checkClientId, checkOrganizerIds } from '@/lib/settings-validation';

describe('options input', () => {
  test('organizer ids: numbers separated by commas or spaces, once each', () => {
    expect(checkOrganizerIds(' 12, 34 12\n56 ')).toEqual({ ok: true, value: ['12', '34', '56'] });
    expect(checkOrganizerIds('')).toEqual({ ok: true, value: [] });
    expect(checkOrganizerIds('12, eventbrite.com/o/34')).toEqual({
      ok: false,
      problem: { code: 'organizer-id-invalid', params: { id: 'eventbrite.com/o/34' } },
    });
  });

  test('client id: letters and digits, or empty', () => {
    expect(checkClientId(' ABC123XYZ ')).toEqual({ ok: true, value: 'ABC123XYZ' });
    expect(checkClientId('')).toEqual({ ok: true, value: '' });
    expect(checkClientId('key with spaces')).toMatchObject({ ok: false });
  });
});
