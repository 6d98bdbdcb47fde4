/**
 * Finds text that probably identifies a patient: the case's own identifiers (name parts, record
 * numbers, birth date in any common spelling) and generic shapes (dates, phone numbers, e-mail
 * addresses, long digit runs). Used to highlight free text for the sender's review and to clean
 * descriptors; a hint, never a guarantee, which is why the sender reviews free text before export.
 */
export interface IdentifierSpan {
  readonly start: number;
  readonly end: number;
  readonly reason: 'known' | 'date' | 'phone' | 'email' | 'number';
}

/** The values of one case that must not leave: names, MRN/IDs, accession numbers, birth date. */
export interface KnownIdentifiers {
  readonly names: readonly string[];
  readonly ids: readonly string[];
  /** YYYY-MM-DD or YYYYMMDD. */
  readonly dates: readonly string[];
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Name parts of at least two letters ("DOE^JOHN^A" → DOE, JOHN). */
export const nameParts = (name: string): string[] =>
  name
    .split(/[\^=,\s]+/)
    .map((p) => p.trim())
    .filter((p) => p.replace(/[^\p{L}]/gu, '').length >= 2);

/** The usual spellings of one calendar date: 1970-03-14, 19700314, 14.03.1970, 03/14/1970, 14/03/1970. */
export function dateSpellings(date: string): string[] {
  const m = /^(\d{4})-?(\d{2})-?(\d{2})$/.exec(date);
  if (!m) return [];
  const [, y, mo, d] = m as unknown as [string, string, string, string];
  return [`${y}-${mo}-${d}`, `${y}${mo}${d}`, `${d}.${mo}.${y}`, `${mo}/${d}/${y}`, `${d}/${mo}/${y}`];
}

const GENERIC: readonly [RegExp, IdentifierSpan['reason']][] = [
  [/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g, 'email'],
  [/\b(?:\d{4}-\d{2}-\d{2}|\d{1,2}[./]\d{1,2}[./]\d{2,4}|(?:19|20)\d{6})\b/g, 'date'],
  [/(?:\+\d{1,3}[\s-]?)?(?:\(\d{2,4}\)[\s-]?)?\d{3,4}[\s-]\d{3,4}(?:[\s-]\d{2,4})?/g, 'phone'],
  [/\b\d{5,}\b/g, 'number'],
];

/** Spans of likely identifiers in `text`, sorted and merged. */
export function findIdentifiers(text: string, known: KnownIdentifiers): IdentifierSpan[] {
  const spans: IdentifierSpan[] = [];
  const literal = [
    ...known.names.flatMap(nameParts),
    ...known.ids.filter((s) => s.trim().length >= 2),
    ...known.dates.flatMap(dateSpellings),
  ];
  for (const value of new Set(literal)) {
    // Whole words for names (so "Al" does not mark "spinal"); anywhere for ids and dates.
    const word = /^[\p{L}'-]+$/u.test(value);
    const re = new RegExp(word ? `(?<![\\p{L}])${escape(value)}(?![\\p{L}])` : escape(value), 'giu');
    for (const m of text.matchAll(re))
      spans.push({ start: m.index, end: m.index + m[0].length, reason: 'known' });
  }
  for (const [re, reason] of GENERIC)
    for (const m of text.matchAll(re)) spans.push({ start: m.index, end: m.index + m[0].length, reason });
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: IdentifierSpan[] = [];
  for (const s of spans) {
    const last = merged[merged.length - 1];
    if (last && s.start < last.end) {
      if (s.end > last.end) merged[merged.length - 1] = { ...last, end: s.end };
    } else merged.push(s);
  }
  return merged;
}

export const REDACTED = '[removed]';

/** The text with every likely identifier replaced by "[removed]". */
export function redactIdentifiers(text: string, known: KnownIdentifiers, mark = REDACTED): string {
  let out = '';
  let at = 0;
  for (const s of findIdentifiers(text, known)) {
    out += text.slice(at, s.start) + mark;
    at = s.end;
  }
  return out + text.slice(at);
}
