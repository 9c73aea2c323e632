import { Inject, Injectable } from '@nestjs/common';
import { FILE_STORE, newStoreKey, type FileStore } from './file-store';
import { FileSealer } from './file-sealer';

/** The file store as services use it: bytes sealed on the way in, opened on the way out, keys random. */
@Injectable()
export class SealedFiles {
  constructor(
    @Inject(FILE_STORE) private readonly store: FileStore,
    private readonly sealer: FileSealer,
  ) {}

  /** Stores `clear` sealed under a new random key (never derived from the file's name) and returns it. */
  async put(prefix: string, clear: Buffer): Promise<string> {
    const key = newStoreKey(prefix);
    await this.store.put(key, this.sealer.seal(clear, key));
    return key;
  }

  /** The clear bytes, or null when the object is missing; throws when it does not open. */
  async get(key: string): Promise<Buffer | null> {
    const sealed = await this.store.get(key);
    return sealed && this.sealer.open(sealed, key);
  }

  delete(key: string): Promise<void> {
    return this.store.delete(key);
  }
}
