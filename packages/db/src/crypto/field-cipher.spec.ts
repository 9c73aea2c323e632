import { randomBytes } from 'node:crypto';
import { FieldCipher } from './field-cipher';

const key = () => randomBytes(32).toString('base64');

describe('FieldCipher (AES-256-GCM at rest, keyed hash for lookups)', () => {
  const k1 = key();
  const cipher = new FieldCipher({ k1 }, 'k1', randomBytes(32));

  it('round-trips and never stores the clear text', () => {
    const sealed = cipher.encrypt('330106199001011234');
    expect(sealed).not.toContain('330106');
    expect(cipher.decrypt(sealed)).toBe('330106199001011234');
  });

  it('uses a fresh IV each time', () => {
    expect(cipher.encrypt('x')).not.toBe(cipher.encrypt('x'));
  });

  it('detects tampering', () => {
    const parts = cipher.encrypt('secret').split('.');
    parts[4] = Buffer.from('secreT').toString('base64url');
    expect(() => cipher.decrypt(parts.join('.'))).toThrow();
  });

  it('reads values sealed under an older key after rotation', () => {
    const old = new FieldCipher({ k1 }, 'k1', randomBytes(32)).encrypt('old');
    const rotated = new FieldCipher({ k1, k2: key() }, 'k2', randomBytes(32));
    expect(rotated.decrypt(old)).toBe('old');
    expect(rotated.encrypt('new').split('.')[1]).toBe('k2');
  });

  it('hashes for exact lookup, case- and space-insensitive', () => {
    expect(cipher.lookupHash(' 33010619900101123x ')).toBe(cipher.lookupHash('33010619900101123X'));
    expect(cipher.lookupHash('a')).not.toBe(new FieldCipher({ k1 }, 'k1', randomBytes(32)).lookupHash('a'));
  });

  it('draws a new IV for every value, also across refills of its IV pool', () => {
    const ivs = new Set(Array.from({ length: 5000 }, () => cipher.encrypt('x').split('.')[2]));
    expect(ivs.size).toBe(5000);
  });

  it('digests exact text with a key of its own: case matters, other keys differ, lookup hashes do not collide', () => {
    expect(cipher.keyedDigest('abc')).toBe(cipher.keyedDigest('abc'));
    expect(cipher.keyedDigest('abc')).not.toBe(cipher.keyedDigest('ABC'));
    expect(cipher.keyedDigest('abc')).not.toBe(new FieldCipher({ k1 }, 'k1', randomBytes(32)).keyedDigest('abc'));
    expect(cipher.keyedDigest('ABC')).not.toBe(cipher.lookupHash('ABC'));
  });
});
