// The editor's draft: immutable updates of one node, moves within a parent, new nodes with free keys.
// A node is named by its indices, the way the rules (validateTemplate) and the server's field errors
// name it: ['areas', 0, 'measures', 2, 'indicators', 1].
import type { AreaDoc, Doc, IndicatorDoc, MeasureDoc } from '../labels';

export type Path = (string | number)[];

/** The selected node: the template's own fields, an area, a measure or an indicator. */
export type NodeRef =
  | { type: 'head' }
  | { type: 'area'; a: number }
  | { type: 'measure'; a: number; m: number }
  | { type: 'indicator'; a: number; m: number; i: number };

export function pathOf(ref: NodeRef): Path {
  switch (ref.type) {
    case 'head':
      return [];
    case 'area':
      return ['areas', ref.a];
    case 'measure':
      return ['areas', ref.a, 'measures', ref.m];
    case 'indicator':
      return ['areas', ref.a, 'measures', ref.m, 'indicators', ref.i];
  }
}

/** The Tree's key of a node: "a0", "a0.m2", "a0.m2.i1". */
export function keyOf(ref: NodeRef): string {
  switch (ref.type) {
    case 'head':
      return 'head';
    case 'area':
      return `a${ref.a}`;
    case 'measure':
      return `a${ref.a}.m${ref.m}`;
    case 'indicator':
      return `a${ref.a}.m${ref.m}.i${ref.i}`;
  }
}

export function refOf(key: string): NodeRef {
  const m = /^a(\d+)(?:\.m(\d+)(?:\.i(\d+))?)?$/.exec(key);
  if (!m) return { type: 'head' };
  const [a, mi, ii] = [Number(m[1]), m[2], m[3]];
  if (ii !== undefined) return { type: 'indicator', a, m: Number(mi), i: Number(ii) };
  if (mi !== undefined) return { type: 'measure', a, m: Number(mi) };
  return { type: 'area', a };
}

/** The ref of the node a problem path points into (the deepest area, measure or indicator on it). */
export function refAt(path: Path): NodeRef {
  const [, a, , m, kind, i] = path;
  if (path[0] !== 'areas' || typeof a !== 'number') return { type: 'head' };
  if (path[2] !== 'measures' || typeof m !== 'number') return { type: 'area', a };
  if (kind !== 'indicators' || typeof i !== 'number') return { type: 'measure', a, m };
  return { type: 'indicator', a, m, i };
}

/** The node's siblings (the list it sits in) and its index there; null for the template itself. */
export function siblingsOf(doc: Doc, ref: NodeRef): { list: readonly unknown[]; index: number } | null {
  switch (ref.type) {
    case 'head':
      return null;
    case 'area':
      return { list: doc.areas, index: ref.a };
    case 'measure':
      return { list: doc.areas[ref.a]!.measures, index: ref.m };
    case 'indicator':
      return { list: doc.areas[ref.a]!.measures[ref.m]!.indicators, index: ref.i };
  }
}

export function exists(doc: Doc, ref: NodeRef): boolean {
  if (ref.type === 'head') return true;
  const area = doc.areas[ref.a];
  if (!area || ref.type === 'area') return !!area;
  const measure = area.measures[ref.m];
  if (!measure || ref.type === 'measure') return !!measure;
  return !!measure.indicators[ref.i];
}

const replaceAt = <T>(list: readonly T[], index: number, fn: (x: T) => T): T[] =>
  list.map((x, i) => (i === index ? fn(x) : x));

export function updateArea(doc: Doc, a: number, fn: (area: AreaDoc) => AreaDoc): Doc {
  return { ...doc, areas: replaceAt(doc.areas, a, fn) };
}

export function updateMeasure(doc: Doc, a: number, m: number, fn: (measure: MeasureDoc) => MeasureDoc): Doc {
  return updateArea(doc, a, (area) => ({ ...area, measures: replaceAt(area.measures, m, fn) }));
}

export function updateIndicator(
  doc: Doc,
  a: number,
  m: number,
  i: number,
  fn: (indicator: IndicatorDoc) => IndicatorDoc,
): Doc {
  return updateMeasure(doc, a, m, (measure) => ({
    ...measure,
    indicators: replaceAt(measure.indicators, i, fn),
  }));
}

/** Replaces the list the node sits in (to move or remove one of its members). */
function withSiblings(doc: Doc, ref: NodeRef, fn: <T>(list: readonly T[]) => T[]): Doc {
  switch (ref.type) {
    case 'head':
      return doc;
    case 'area':
      return { ...doc, areas: fn(doc.areas) };
    case 'measure':
      return updateArea(doc, ref.a, (area) => ({ ...area, measures: fn(area.measures) }));
    case 'indicator':
      return updateMeasure(doc, ref.a, ref.m, (m) => ({ ...m, indicators: fn(m.indicators) }));
  }
}

/** The same node at another index of its parent. */
export function withIndex(ref: NodeRef, index: number): NodeRef {
  switch (ref.type) {
    case 'head':
      return ref;
    case 'area':
      return { ...ref, a: index };
    case 'measure':
      return { ...ref, m: index };
    case 'indicator':
      return { ...ref, i: index };
  }
}

/** Moves a node to `to` within its parent (order matters to people, not to the rules). */
export function moveNode(doc: Doc, ref: NodeRef, to: number): Doc {
  const from = siblingsOf(doc, ref)?.index ?? 0;
  return withSiblings(doc, ref, (list) => {
    const next = [...list];
    const [node] = next.splice(from, 1);
    next.splice(Math.max(0, Math.min(to, next.length)), 0, node!);
    return next;
  });
}

export function removeNode(doc: Doc, ref: NodeRef): Doc {
  const index = siblingsOf(doc, ref)?.index ?? -1;
  return withSiblings(doc, ref, (list) => list.filter((_, i) => i !== index));
}

/** Keys are unique per kind of node across the whole template (validateTemplate): a free one. */
export function freeKey(taken: Iterable<string>, prefix: string): string {
  const set = new Set(taken);
  for (let n = 1; ; n += 1) {
    const key = `${prefix}_${n}`;
    if (!set.has(key)) return key;
  }
}

export const areaKeys = (doc: Doc) => doc.areas.map((a) => a.key);
export const measureKeys = (doc: Doc) => doc.areas.flatMap((a) => a.measures.map((m) => m.key));
export const indicatorKeys = (doc: Doc) =>
  doc.areas.flatMap((a) => a.measures.flatMap((m) => m.indicators.map((i) => i.key)));
export const reminderKeys = (doc: Doc) =>
  doc.areas.flatMap((a) => a.measures.flatMap((m) => m.reminderRules.map((r) => r.key)));

export function addArea(doc: Doc): [Doc, NodeRef] {
  const area: AreaDoc = {
    key: freeKey(areaKeys(doc), 'area'),
    clause: '',
    title: '',
    kind: 'care',
    measures: [],
  };
  return [
    { ...doc, areas: [...doc.areas, area] },
    { type: 'area', a: doc.areas.length },
  ];
}

export function addMeasure(doc: Doc, a: number): [Doc, NodeRef] {
  const measure: MeasureDoc = {
    key: freeKey(measureKeys(doc), 'measure'),
    clause: '',
    title: '',
    text: '',
    activityTypes: [],
    indicators: [],
    reminderRules: [],
  };
  const at = doc.areas[a]!.measures.length;
  return [
    updateArea(doc, a, (area) => ({ ...area, measures: [...area.measures, measure] })),
    { type: 'measure', a, m: at },
  ];
}

export function addIndicator(doc: Doc, a: number, m: number): [Doc, NodeRef] {
  const measure = doc.areas[a]!.measures[m]!;
  const indicator: IndicatorDoc = {
    key: freeKey(indicatorKeys(doc), 'indicator'),
    name: '',
    kind: 'activity_count',
    period: 'calendar_year',
    level: 'school',
    activityTypes: measure.activityTypes.slice(0, 1),
    target: 1,
    clauseQuote: '',
  };
  const at = measure.indicators.length;
  return [
    updateMeasure(doc, a, m, (x) => ({ ...x, indicators: [...x.indicators, indicator] })),
    { type: 'indicator', a, m, i: at },
  ];
}

/** Whether `path` lies at or below `prefix`. */
export const startsWith = (path: Path, prefix: Path) => prefix.every((p, i) => path[i] === p);
