// Sealing a batch of records (AES-GCM per sensitive value, lookup HMACs, masks, retirement dates) and
// turning it into the upsert's parameters is a third of an import's CPU time and needs nothing but the
// batch: it runs on a worker thread, beside the reading and checking of the next rows.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { FieldCipher } from '../crypto/field-cipher';
import {
  teacherColumns,
  teacherParams,
  type TeacherColumnOptions,
  type TeacherColumns,
  type TeacherRecord,
  type TeacherUnit,
} from './writer';

/** One record to seal; `keep` replaces columns afterwards (sealed values an update leaves as they were). */
export interface SealJob {
  record: TeacherRecord;
  unit: TeacherUnit;
  opts: TeacherColumnOptions;
  keep?: Partial<TeacherColumns>;
}

/** What a thread needs to build its own FieldCipher: the keys, never sent anywhere else. */
export interface SealerKeys {
  keys: Record<string, string>;
  current: string;
  /** The lookup hash key, base64. */
  hashKey: string;
}

/** The batch as upsertTeacherParams takes it. */
export function sealBatch(cipher: FieldCipher, jobs: readonly SealJob[]): string[] {
  return teacherParams(
    jobs.map((j) =>
      j.keep
        ? { ...teacherColumns(j.record, j.unit, cipher, j.opts), ...j.keep }
        : teacherColumns(j.record, j.unit, cipher, j.opts),
    ),
  );
}

/** The compiled thread script: beside this file once built; under tests (TypeScript sources), the package's dist. */
function threadScript(): string | undefined {
  const candidates = [
    join(__dirname, 'sealer-thread.js'),
    join(__dirname, '../../dist/teachers/sealer-thread.js'),
  ];
  return candidates.find((p) => existsSync(p));
}

/**
 * Seals batches on a worker thread, in order; inline when no thread can run (no compiled script).
 * One per import run; close() ends the thread.
 */
export class TeacherSealer {
  private readonly pending = new Map<
    number,
    { resolve: (p: string[]) => void; reject: (e: Error) => void }
  >();
  private next = 0;
  private failure: Error | undefined;

  private constructor(
    private readonly worker: Worker | undefined,
    private readonly cipher: FieldCipher,
  ) {
    worker?.on('message', (m: { id: number; params?: string[]; error?: string }) => {
      const p = this.pending.get(m.id);
      this.pending.delete(m.id);
      if (m.params) p?.resolve(m.params);
      else p?.reject(new Error(`sealing failed: ${m.error}`));
    });
    const fail = (e: Error) => {
      this.failure = e;
      for (const p of this.pending.values()) p.reject(e);
      this.pending.clear();
    };
    worker?.on('error', fail);
    worker?.on('exit', (code) => code !== 0 && fail(new Error(`the sealing thread exited with ${code}`)));
  }

  static start(cipher: FieldCipher, keys: SealerKeys, threaded = true): TeacherSealer {
    const script = threaded ? threadScript() : undefined;
    return new TeacherSealer(script ? new Worker(script, { workerData: keys }) : undefined, cipher);
  }

  get threaded(): boolean {
    return this.worker !== undefined;
  }

  seal(jobs: readonly SealJob[]): Promise<string[]> {
    if (!this.worker) {
      try {
        return Promise.resolve(sealBatch(this.cipher, jobs));
      } catch (e) {
        return Promise.reject(e as Error);
      }
    }
    if (this.failure) return Promise.reject(this.failure);
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker!.postMessage({ id, jobs });
    });
  }

  async close(): Promise<void> {
    await this.worker?.terminate();
  }
}
