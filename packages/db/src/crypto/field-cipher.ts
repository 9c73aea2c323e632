import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

/**
 * Application-level encryption of sensitive columns (AES-256-GCM), with a keyed hash beside them for
 * exact lookups. Ciphertext is `v1.<keyId>.<iv>.<tag>.<data>` (base64url), so keys can be rotated:
 * new writes use the current key, reads find theirs by id.
 */
export class FieldCipher {
  private readonly keys: Map<string, Buffer>;

  constructor(
    keys: Record<string, string>,
    private readonly currentKeyId: string,
    private readonly hashKey: Buffer,
  ) {
    this.keys = new Map(Object.entries(keys).map(([id, k]) => [id, decodeKey(k)]));
    if (!this.keys.has(currentKeyId)) throw new Error(`no encryption key ${currentKeyId}`);
    if (hashKey.length < 32) throw new Error('the lookup hash key needs at least 32 bytes');
  }

  encrypt(plain: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.keys.get(this.currentKeyId)!, iv);
    const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return ['v1', this.currentKeyId, iv, cipher.getAuthTag(), data]
      .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
      .join('.');
  }

  decrypt(sealed: string): string {
    const [version, keyId, iv, tag, data] = sealed.split('.');
    const key = keyId ? this.keys.get(keyId) : undefined;
    if (version !== 'v1' || !key || !iv || !tag || data === undefined) throw new Error('not a sealed value');
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
  }

  /** HMAC-SHA-256 of the normalised value: equal inputs match, the value cannot be read back. */
  lookupHash(plain: string): string {
    return createHmac('sha256', this.hashKey).update(plain.trim().toUpperCase()).digest('hex');
  }
}

function decodeKey(k: string): Buffer {
  const key = Buffer.from(k, 'base64');
  if (key.length !== 32) throw new Error('an encryption key is 32 bytes, base64-encoded');
  return key;
}
