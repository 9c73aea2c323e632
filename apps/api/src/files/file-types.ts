// What an uploaded file is, by its content rather than its name, and a name safe to keep and to send
// back in a Content-Disposition header. Shared by care-record attachments and case documents.

export const PDF = 'application/pdf';
export const PNG = 'image/png';
export const JPEG = 'image/jpeg';
export const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The type by the file's first bytes: a name can say anything, the content cannot. */
export function sniff(buffer: Buffer, name: string): string | null {
  const starts = (...bytes: number[]) => bytes.every((b, i) => buffer[i] === b);
  if (starts(0x25, 0x50, 0x44, 0x46, 0x2d)) return PDF; // %PDF-
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return PNG;
  if (starts(0xff, 0xd8, 0xff)) return JPEG;
  // Office files are zip archives; which one, only the name tells (zipEntryNames can confirm it).
  if (starts(0x50, 0x4b, 0x03, 0x04))
    return /\.docx$/i.test(name) ? DOCX : /\.xlsx$/i.test(name) ? XLSX : null;
  return null;
}

/** No path, no control characters, at most 255 characters. */
export function cleanName(name: string, fallback = 'attachment'): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const printable = base.replace(/[\u0000-\u001f\u007f]/g, '');
  return printable.trim().slice(-255) || fallback;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;

/**
 * The entry names of a zip archive, from its central directory (APPNOTE 4.3.12), or null when it is not
 * a readable zip. Names only: nothing is inflated, so a zip bomb costs nothing here. An archive that
 * needs ZIP64 (over 65,535 entries or 4 GB) cannot be a 20 MB Word document and reads as null.
 */
export function zipEntryNames(buf: Buffer, maxEntries = 10_000): Set<string> | null {
  let eocd = -1;
  // The end record is 22 bytes plus a comment of up to 65,535.
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--)
    if (buf.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  if (eocd < 0) return null;
  const count = buf.readUInt16LE(eocd + 10);
  const offset = buf.readUInt32LE(eocd + 16);
  if (count > maxEntries || offset >= buf.length) return null;
  const names = new Set<string>();
  let p = offset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== CENTRAL) return null;
    const nameLength = buf.readUInt16LE(p + 28);
    const rest = nameLength + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
    if (p + 46 + rest > buf.length) return null;
    const utf8 = (buf.readUInt16LE(p + 8) & 0x800) !== 0;
    names.add(buf.toString(utf8 ? 'utf8' : 'latin1', p + 46, p + 46 + nameLength).replace(/^\/+/, ''));
    p += 46 + rest;
  }
  return names;
}
