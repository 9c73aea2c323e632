// The sealing thread of TeacherSealer: seals each batch it is sent and answers with the parameters.
import { parentPort, workerData } from 'node:worker_threads';
import { FieldCipher } from '../crypto/field-cipher';
import { sealBatch, type SealerKeys, type SealJob } from './sealer';

const keys = workerData as SealerKeys;
const cipher = new FieldCipher(keys.keys, keys.current, Buffer.from(keys.hashKey, 'base64'));

parentPort!.on('message', (m: { id: number; jobs: SealJob[] }) => {
  try {
    parentPort!.postMessage({ id: m.id, params: sealBatch(cipher, m.jobs) });
  } catch (e) {
    parentPort!.postMessage({ id: m.id, error: e instanceof Error ? e.message : String(e) });
  }
});
