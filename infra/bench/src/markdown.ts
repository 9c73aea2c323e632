// Markdown as Prettier writes it, so `prettier --check` passes on the generated docs/benchmarks.md.

/** Columns a cell takes as Prettier counts them: CJK and full-width characters take two. */
function width(s: string): number {
  let w = 0;
  for (const ch of s)
    w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(
      ch,
    )
      ? 2
      : 1;
  return w;
}

/**
 * A Markdown table laid out the way Prettier lays it out (padded cells, `---:` for right-aligned
 * columns), so `prettier --check` passes on the written file.
 */
export function table(head: string[], rows: string[][], right: boolean[]): string {
  const widths = head.map((h, i) => Math.max(3, width(h), ...rows.map((r) => width(r[i]!))));
  const pad = (c: string, i: number) => ' '.repeat(widths[i]! - width(c));
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => (right[i] ? pad(c, i) + c : c + pad(c, i))).join(' | ')} |`;
  const rule = `| ${widths.map((w, i) => (right[i] ? '-'.repeat(w - 1) + ':' : '-'.repeat(w))).join(' | ')} |`;
  return [line(head), rule, ...rows.map(line)].join('\n');
}
