// Charts for the HTML report, drawn as inline SVG with presentation attributes only (no inline
// styles, so the page's Content-Security-Policy stays strict). Every label is escaped.

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

export interface Bar {
  label: string;
  value: number | null;
  note: string;
}

const ROW = 22;
const LABEL_W = 170;
const BAR_W = 360;

/** Horizontal bars, one per row; `max` fixes the scale (1 for rates). */
export function barChart(title: string, bars: Bar[], max: number, color: string): string {
  const height = bars.length * ROW + 30;
  const rows = bars.map((b, i) => {
    const y = 24 + i * ROW;
    const w = b.value === null || max === 0 ? 0 : Math.max(1, Math.round((b.value / max) * BAR_W));
    return `<text x="${LABEL_W - 8}" y="${y + 14}" text-anchor="end" font-size="12">${escapeHtml(truncate(b.label, 24))}</text>`
      + `<rect x="${LABEL_W}" y="${y + 3}" width="${w}" height="${ROW - 8}" fill="${color}" rx="2"><title>${escapeHtml(`${b.label}: ${b.note}`)}</title></rect>`
      + `<text x="${LABEL_W + w + 6}" y="${y + 14}" font-size="11" fill="#444">${escapeHtml(b.note)}</text>`;
  });
  return svg(title, LABEL_W + BAR_W + 90, height, rows.join(''));
}

export interface Arrow {
  label: string;
  from: number | null;
  to: number | null;
}

/** Customer sentiment from the first to the last customer turn, per row, on the -1..1 scale. */
export function dumbbellChart(title: string, rows: Arrow[]): string {
  const x = (v: number) => LABEL_W + Math.round(((v + 1) / 2) * BAR_W);
  const height = rows.length * ROW + 40;
  const axis = `<line x1="${x(0)}" y1="18" x2="${x(0)}" y2="${height - 16}" stroke="#bbb" stroke-dasharray="3 3"/>`
    + `<text x="${x(-1)}" y="${height - 2}" font-size="10" fill="#666">−1</text><text x="${x(0) - 3}" y="${height - 2}" font-size="10" fill="#666">0</text><text x="${x(1) - 8}" y="${height - 2}" font-size="10" fill="#666">+1</text>`;
  const marks = rows.map((r, i) => {
    const y = 30 + i * ROW;
    if (r.from === null || r.to === null) return `<text x="${LABEL_W - 8}" y="${y + 4}" text-anchor="end" font-size="12">${escapeHtml(truncate(r.label, 24))}</text>`;
    const color = r.to >= r.from ? '#2e7d32' : '#c62828';
    return `<text x="${LABEL_W - 8}" y="${y + 4}" text-anchor="end" font-size="12">${escapeHtml(truncate(r.label, 24))}</text>`
      + `<line x1="${x(r.from)}" y1="${y}" x2="${x(r.to)}" y2="${y}" stroke="${color}" stroke-width="3"/>`
      + `<circle cx="${x(r.from)}" cy="${y}" r="4" fill="#9e9e9e"><title>${escapeHtml(`${r.label}: start ${r.from.toFixed(2)}`)}</title></circle>`
      + `<circle cx="${x(r.to)}" cy="${y}" r="5" fill="${color}"><title>${escapeHtml(`${r.label}: end ${r.to.toFixed(2)}`)}</title></circle>`;
  });
  return svg(title, LABEL_W + BAR_W + 40, height, axis + marks.join(''));
}

export interface Series {
  name: string;
  color: string;
  /** Values on a 0..1 scale (rates) or -1..1 (sentiment), as `scale` says. */
  values: (number | null)[];
}

/** Lines over periods; rates on 0..1 and sentiment on -1..1 share one axis from -1 to 1. */
export function lineChart(title: string, periods: string[], series: Series[]): string {
  const width = 620;
  const height = 220;
  const left = 40;
  const plotW = width - left - 20;
  const x = (i: number) => left + (periods.length === 1 ? plotW / 2 : Math.round((i / (periods.length - 1)) * plotW));
  const y = (v: number) => 20 + Math.round(((1 - v) / 2) * (height - 60));
  const grid = [-1, 0, 1].map((v) => `<line x1="${left}" y1="${y(v)}" x2="${width - 20}" y2="${y(v)}" stroke="#ddd"/><text x="4" y="${y(v) + 4}" font-size="10" fill="#666">${v}</text>`).join('');
  const labels = periods.map((p, i) => (i % Math.ceil(periods.length / 8) === 0 ? `<text x="${x(i)}" y="${height - 22}" font-size="10" text-anchor="middle" fill="#444">${escapeHtml(p)}</text>` : '')).join('');
  const lines = series.map((s) => {
    const points = s.values.map((v, i) => (v === null ? null : `${x(i)},${y(v)}`)).filter(Boolean).join(' ');
    return `<polyline points="${points}" fill="none" stroke="${s.color}" stroke-width="2"/>`;
  }).join('');
  const legend = series.map((s, i) => `<rect x="${left + i * 190}" y="${height - 12}" width="10" height="10" fill="${s.color}"/><text x="${left + 14 + i * 190}" y="${height - 3}" font-size="11">${escapeHtml(s.name)}</text>`).join('');
  return svg(title, width, height, grid + labels + lines + legend);
}

function svg(title: string, width: number, height: number, body: string): string {
  return `<figure class="chart"><figcaption>${escapeHtml(title)}</figcaption><svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${escapeHtml(title)}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${body}</svg></figure>`;
}

function truncate(text: string, n: number): string {
  return text.length > n ? `${text.slice(0, n - 1)}…` : text;
}
