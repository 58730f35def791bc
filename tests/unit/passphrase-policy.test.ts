import { describe, expect, it } from 'vitest';
import { checkPassphrase } from '../../src/shared/passphrase-policy';

describe('the passphrase rule', () => {
  it('refuses the app’s name dressed up with digits and signs, in either script', () => {
    for (const passphrase of ['Злагода 2026!!', 'ЗЛАГОДА-2026-2026', 'zlagoda 2026 !!', 'Zlagoda_123456', '  злагода   12345 ']) {
      expect(checkPassphrase(passphrase), passphrase).toBe('context_word');
    }
    // The name inside a real phrase is only a word of it.
    expect(checkPassphrase('злагода в нашій раді понад усе')).toBeNull();
  });

  it('says why: too short, too long, common, the login inside', () => {
    expect(checkPassphrase('коротко')).toBe('too_short');
    expect(checkPassphrase('ї'.repeat(10_000_000))).toBe('too_long');
    expect(checkPassphrase('слава україні')).toBe('common');
    expect(checkPassphrase('о.коваленко і весна', 'о.коваленко')).toBe('contains_login');
    expect(checkPassphrase('весна прийде в наше місто')).toBeNull();
  });
});
