// A zip reader for .xlsx files that trusts nothing the archive declares: entries are found through the
// central directory (APPNOTE 4.3.12, with ZIP64 4.3.14–4.3.15), and every byte inflated is counted
// against one budget, so a zip bomb stops at the limit instead of filling memory or disk.
import { createInflateRaw, inflateRawSync } from 'node:zlib';
import { SpreadsheetError } from './errors';

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  localHeaderOffset: number;
}

/** Decompressed bytes still allowed for the whole file; shared by every entry read from it. */
export class InflateBudget {
  constructor(public remaining: number) {}

  spend(bytes: number): void {
    this.remaining -= bytes;
    if (this.remaining < 0) throw new SpreadsheetError('TOO_BIG_UNCOMPRESSED');
  }
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

const unreadable = (why: string) => new SpreadsheetError('UNREADABLE', why);

export function isZip(buf: Buffer): boolean {
  return buf.length >= 4 && buf.readUInt32LE(0) === LOCAL;
}

function u64(buf: Buffer, at: number): number {
  const v = buf.readBigUInt64LE(at);
  if (v > BigInt(Number.MAX_SAFE_INTEGER)) throw unreadable('zip64 value out of range');
  return Number(v);
}

/** The archive's entries by name, from its central directory. */
export function readZipDirectory(buf: Buffer, maxEntries: number): Map<string, ZipEntry> {
  // The end-of-central-directory record is 22 bytes plus a comment of up to 65535.
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw unreadable('no end of central directory');
  let count = buf.readUInt16LE(eocd + 10);
  let size = buf.readUInt32LE(eocd + 12);
  let offset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) {
    const loc = eocd - 20;
    if (loc < 0 || buf.readUInt32LE(loc) !== ZIP64_LOCATOR) throw unreadable('no zip64 locator');
    const rec = u64(buf, loc + 8);
    if (rec + 56 > buf.length || buf.readUInt32LE(rec) !== ZIP64_EOCD) throw unreadable('bad zip64 record');
    count = u64(buf, rec + 32);
    size = u64(buf, rec + 40);
    offset = u64(buf, rec + 48);
  }
  if (count > maxEntries) throw new SpreadsheetError('TOO_BIG_UNCOMPRESSED', `${count} zip entries`);
  if (offset + size > buf.length) throw unreadable('central directory outside the file');

  const entries = new Map<string, ZipEntry>();
  let p = offset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== CENTRAL)
      throw unreadable('bad central directory entry');
    const flags = buf.readUInt16LE(p + 8);
    const method = buf.readUInt16LE(p + 10);
    let compressedSize = buf.readUInt32LE(p + 20);
    const uncompressed32 = buf.readUInt32LE(p + 24);
    const nameLength = buf.readUInt16LE(p + 28);
    const extraLength = buf.readUInt16LE(p + 30);
    const commentLength = buf.readUInt16LE(p + 32);
    let localHeaderOffset = buf.readUInt32LE(p + 42);
    // Bit 11: the name is UTF-8; otherwise CP437, which for the ASCII part names of OOXML is the same.
    const name = buf.toString(flags & 0x800 ? 'utf8' : 'latin1', p + 46, p + 46 + nameLength);
    let e = p + 46 + nameLength;
    const extraEnd = e + extraLength;
    while (e + 4 <= extraEnd) {
      const id = buf.readUInt16LE(e);
      const len = buf.readUInt16LE(e + 2);
      if (id === 0x0001) {
        // ZIP64 extra field: only the values that overflowed are present, in this order.
        let q = e + 4;
        if (uncompressed32 === 0xffffffff) q += 8;
        if (compressedSize === 0xffffffff) {
          compressedSize = u64(buf, q);
          q += 8;
        }
        if (localHeaderOffset === 0xffffffff) localHeaderOffset = u64(buf, q);
      }
      e += 4 + len;
    }
    entries.set(name.replace(/^\/+/, ''), { name, method, flags, compressedSize, localHeaderOffset });
    p = extraEnd + commentLength;
  }
  return entries;
}

function dataOf(buf: Buffer, entry: ZipEntry): Buffer {
  const at = entry.localHeaderOffset;
  if (at + 30 > buf.length || buf.readUInt32LE(at) !== LOCAL)
    throw unreadable(`bad local header for ${entry.name}`);
  if (entry.flags & 0x1) throw new SpreadsheetError('LEGACY_OR_ENCRYPTED', `${entry.name} is encrypted`);
  const start = at + 30 + buf.readUInt16LE(at + 26) + buf.readUInt16LE(at + 28);
  const end = start + entry.compressedSize;
  if (end > buf.length) throw unreadable(`${entry.name} runs past the end of the file`);
  if (entry.method !== 0 && entry.method !== 8) throw unreadable(`compression method ${entry.method}`);
  return buf.subarray(start, end);
}

/** A small entry (workbook.xml, rels) inflated at once, counted against the budget. */
export function readEntrySync(buf: Buffer, entry: ZipEntry, budget: InflateBudget): Buffer {
  const data = dataOf(buf, entry);
  if (entry.method === 0) {
    budget.spend(data.length);
    return data;
  }
  let out: Buffer;
  try {
    out = inflateRawSync(data, { maxOutputLength: Math.max(1, budget.remaining + 1) });
  } catch (e) {
    if (e instanceof RangeError) throw new SpreadsheetError('TOO_BIG_UNCOMPRESSED', entry.name);
    throw unreadable(`${entry.name}: ${(e as Error).message}`);
  }
  budget.spend(out.length);
  return out;
}

/**
 * An entry as a stream of decompressed chunks. Reading stops with TOO_BIG_UNCOMPRESSED the moment the
 * budget runs out, and the caller may stop early (the inflater is destroyed when the loop ends).
 */
export async function* readEntryChunks(
  buf: Buffer,
  entry: ZipEntry,
  budget: InflateBudget,
): AsyncGenerator<Buffer> {
  const data = dataOf(buf, entry);
  if (entry.method === 0) {
    for (let i = 0; i < data.length; i += 1 << 16) {
      const chunk = data.subarray(i, Math.min(data.length, i + (1 << 16)));
      budget.spend(chunk.length);
      yield chunk;
    }
    return;
  }
  const inflater = createInflateRaw({ chunkSize: 1 << 16 });
  inflater.end(data);
  try {
    for await (const chunk of inflater as AsyncIterable<Buffer>) {
      budget.spend(chunk.length);
      yield chunk;
    }
  } catch (e) {
    if (e instanceof SpreadsheetError) throw e;
    throw unreadable(`${entry.name}: ${(e as Error).message}`);
  } finally {
    inflater.destroy();
  }
}
