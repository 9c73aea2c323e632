import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { parseFieldKeys, type Config } from '@guanai/db';

const MAGIC = Buffer.from('GAF1');
const IV = 12;
const TAG = 16;

/**
 * Seals file bytes with AES-256-GCM under the same keys as the sensitive columns (FIELD_KEYS), each
 * stretched by HKDF into a key of its own for files: a key rotation covers both, and no (key, IV) pair
 * is ever shared between a column and a file. Binary, not FieldCipher's text form: a 20 MB file stays
 * 20 MB instead of growing by two rounds of base64. The store key is the additional data, so an object
 * moved under another key does not open.
 *
 * Layout: "GAF1" | key id length (1 byte) | key id | IV (12) | tag (16) | ciphertext.
 */
export class FileSealer {
  private readonly keys: Map<string, Buffer>;

  constructor(
    keys: Record<string, string>,
    private readonly current: string,
  ) {
    this.keys = new Map(
      Object.entries(keys).map(([id, k]) => [
        id,
        Buffer.from(hkdfSync('sha256', Buffer.from(k, 'base64'), '', 'guanai:file-store:v1', 32)),
      ]),
    );
    if (!this.keys.has(current)) throw new Error(`no encryption key ${current}`);
  }

  static fromConfig(config: Config): FileSealer {
    const { keys, current } = parseFieldKeys(config);
    return new FileSealer(keys, current);
  }

  seal(clear: Buffer, storeKey: string): Buffer {
    const id = Buffer.from(this.current, 'utf8');
    const iv = randomBytes(IV);
    const cipher = createCipheriv('aes-256-gcm', this.keys.get(this.current)!, iv);
    cipher.setAAD(Buffer.from(storeKey, 'utf8'));
    const data = Buffer.concat([cipher.update(clear), cipher.final()]);
    return Buffer.concat([MAGIC, Buffer.from([id.length]), id, iv, cipher.getAuthTag(), data]);
  }

  /** The clear bytes; throws when the object is not ours, was altered, or belongs to another key. */
  open(sealed: Buffer, storeKey: string): Buffer {
    if (sealed.length < MAGIC.length + 1 || !sealed.subarray(0, 4).equals(MAGIC))
      throw new Error('not a sealed file');
    const idEnd = 5 + sealed[4]!;
    const key = this.keys.get(sealed.toString('utf8', 5, idEnd));
    if (!key || sealed.length < idEnd + IV + TAG) throw new Error('not a sealed file');
    const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(idEnd, idEnd + IV));
    decipher.setAAD(Buffer.from(storeKey, 'utf8'));
    decipher.setAuthTag(sealed.subarray(idEnd + IV, idEnd + IV + TAG));
    return Buffer.concat([decipher.update(sealed.subarray(idEnd + IV + TAG)), decipher.final()]);
  }
}
