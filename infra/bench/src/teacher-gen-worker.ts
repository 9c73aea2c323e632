// A generator thread for the teacher-list benchmark: given tenants, it answers with their rows as
// COPY text. Sealing (AES-GCM per sensitive value, HMAC per ID number) is the seed's main cost, so
// it runs on as many threads as there are cores while the main thread feeds COPY.
import { parentPort, workerData } from 'node:worker_threads';
import { cipherOf, tenantCopyChunks, type GenKeys, type GenTenant } from './teacher-gen';

export interface GenRequest {
  tenant: GenTenant;
}
export interface GenReply {
  index: number;
  /** Buffers here; Uint8Arrays once they have crossed to the main thread. */
  chunks: Uint8Array[];
  rows: number;
}

const { keys, today } = workerData as { keys: GenKeys; today: string };
const cipher = cipherOf(keys);

parentPort!.on('message', ({ tenant }: GenRequest) => {
  const chunks = tenantCopyChunks(tenant, today, cipher);
  const reply: GenReply = { index: tenant.index, chunks, rows: tenant.count };
  // Moved, not copied; a small buffer may sit in Node's shared pool and is copied instead.
  const own = chunks.filter((c) => c.byteOffset === 0 && c.byteLength === c.buffer.byteLength);
  parentPort!.postMessage(
    reply,
    own.map((c) => c.buffer as ArrayBuffer),
  );
});
