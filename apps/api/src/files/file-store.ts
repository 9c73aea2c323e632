import { randomBytes } from 'node:crypto';

/**
 * Where sealed file bytes are kept, by an opaque key: a local directory or an S3-compatible bucket
 * (FILE_STORE). Implementations never see clear content (SealedFiles seals before put) and never
 * derive anything from a user's file name.
 */
export interface FileStore {
  put(key: string, bytes: Buffer): Promise<void>;
  /** The bytes, or null when no object has that key. */
  get(key: string): Promise<Buffer | null>;
  /** Idempotent: deleting what is not there is not an error. */
  delete(key: string): Promise<void>;
}

export const FILE_STORE = Symbol('FILE_STORE');

/** `<prefix>/ab/abcdef…`: 128 random bits, fanned out by two hex digits so no directory grows huge. */
export function newStoreKey(prefix: string): string {
  const id = randomBytes(16).toString('hex');
  return `${prefix}/${id.slice(0, 2)}/${id}`;
}

// Lower-case segments of letters, digits and dashes: no `..`, no absolute path, nothing a shell or a
// file system could read as more than a name.
const KEY = /^[a-z0-9-]{1,64}(\/[a-z0-9-]{1,64}){0,4}$/;

/** Refuses a key that could step outside the store (a bug, never user input: keys are ours). */
export function checkKey(key: string): string {
  if (!KEY.test(key)) throw new Error(`not a file store key: ${JSON.stringify(key)}`);
  return key;
}
