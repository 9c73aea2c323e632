import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

/**
 * Application-level encryption of sensitive columns (AES-256-GCM), with a keyed hash beside them for
 * exact lookups. Ciphertext is `v1.<keyId>.<iv>.<tag>.<data>` (base64url), so keys can be rotated:
 * new writes use the current key, reads find theirs by id.
 */
export class FieldCipher {
  private readonly keys: Map<string, Buffer>;
  // IVs are drawn from the CSPRNG 4,096 at a time: one randomBytes call per value cost an import of
  // 100,000 teachers a second. Each IV is used once; a spent pool is replaced, never refilled.
  private ivPool = Buffer.alloc(0);
  private ivNext = 0;

  constructor(
    keys: Record<string, string>,
    private readonly currentKeyId: string,
    private readonly hashKey: Buffer,
  ) {
    this.keys = new Map(Object.entries(keys).map(([id, k]) => [id, decodeKey(k)]));
    if (!this.keys.has(currentKeyId)) throw new Error(`no encryption key ${currentKeyId}`);
    if (hashKey.length < 32) throw new Error('the lookup hash key needs at least 32 bytes');
  }

  private freshIv(): Buffer {
    if (this.ivNext + 12 > this.ivPool.length) {
      this.ivPool = randomBytes(12 * 4096);
      this.ivNext = 0;
    }
    this.ivNext += 12;
    return this.ivPool.subarray(this.ivNext - 12, this.ivNext);
  }

  encrypt(plain: string): string {
    const iv = this.freshIv();
    const cipher = createCipheriv('aes-256-gcm', this.keys.get(this.currentKeyId)!, iv);
    // GCM is a stream mode: final() adds no bytes, so the update's output is the whole ciphertext.
    const data = cipher.update(plain, 'utf8');
    cipher.final();
    return `v1.${this.currentKeyId}.${iv.toString('base64url')}.${cipher.getAuthTag().toString('base64url')}.${data.toString('base64url')}`;
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

  /**
   * HMAC-SHA-256 of the exact text, with a key of its own derived from the lookup key: tells whether
   * two texts are equal (an import's row against the one a record was written from) without
   * keeping either, and unlike lookupHash it folds no case or spaces.
   */
  keyedDigest(text: string): string {
    return createHmac('sha256', this.digestKey).update(text).digest('base64url');
  }

  private get digestKey(): Buffer {
    return (this.derivedDigestKey ??= createHmac('sha256', this.hashKey).update('guanai:keyed-digest:v1').digest());
  }

  private derivedDigestKey: Buffer | undefined;
}

function decodeKey(k: string): Buffer {
  const key = Buffer.from(k, 'base64');
  if (key.length !== 32) throw new Error('an encryption key is 32 bytes, base64-encoded');
  return key;
}
