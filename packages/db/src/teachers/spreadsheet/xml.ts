// Just enough XML for SpreadsheetML parts (ECMA-376 part 1, §18): attributes, text and entities.
// Element names may carry any namespace prefix (`<x:row>` from the OpenXML SDK), so patterns allow one.

export const P = '(?:[A-Za-z_][\\w.-]*:)?';

const ENTITY = /&(?:#x([0-9a-fA-F]+)|#(\d+)|(lt|gt|amp|quot|apos));/g;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
/** OOXML escapes characters XML cannot hold as `_xHHHH_` (ECMA-376 §22.9.2.19). */
const OOXML_ESCAPE = /_x([0-9A-Fa-f]{4})_/g;

export function decodeXml(s: string): string {
  if (s.indexOf('&') < 0) return s;
  return s.replace(
    ENTITY,
    (_, hex: string | undefined, dec: string | undefined, name: string | undefined) => {
      if (name) return NAMED[name]!;
      const code = hex ? parseInt(hex, 16) : Number(dec);
      return code <= 0x10ffff ? String.fromCodePoint(code) : '';
    },
  );
}

/** Text of a string item or inline string: entities and `_xHHHH_` escapes decoded. */
export function decodeText(s: string): string {
  const d = decodeXml(s);
  return d.indexOf('_x') < 0
    ? d
    : d.replace(OOXML_ESCAPE, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

const ATTR = /([A-Za-z_][\w.:-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** Attributes of an open tag's text, by local name (`r:id` → `id`), values decoded. */
export function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  ATTR.lastIndex = 0;
  for (let m = ATTR.exec(tag); m; m = ATTR.exec(tag)) {
    const name = m[1]!;
    const local = name.includes(':') ? name.slice(name.indexOf(':') + 1) : name;
    if (name.startsWith('xmlns')) continue;
    out[local] = decodeXml(m[2] ?? m[3] ?? '');
  }
  return out;
}

const PHONETIC = new RegExp(`<${P}rPh\\b[\\s\\S]*?</${P}rPh>`, 'g');
const TEXT = new RegExp(`<${P}t\\b[^>]*?(?:/>|>([\\s\\S]*?)</${P}t>)`, 'g');

/** Every `<t>` text inside a rich or plain string item, phonetic runs (`<rPh>`) left out. */
export function stringItemText(inner: string): string {
  const body = inner.indexOf('rPh') >= 0 ? inner.replace(PHONETIC, '') : inner;
  TEXT.lastIndex = 0;
  let m = TEXT.exec(body);
  // The usual case, one plain <t>, without building a string piece by piece.
  if (m && m.index + m[0].length === body.length && m.index === 0) return decodeText(m[1] ?? '');
  let text = '';
  for (; m; m = TEXT.exec(body)) text += m[1] ?? '';
  return decodeText(text);
}
