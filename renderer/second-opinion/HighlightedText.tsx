import type { ReactNode } from 'react';
import type { IdentifierSpan } from '../../shared/deid/identifiers.ts';

const REASONS: Record<IdentifierSpan['reason'], string> = {
  known: "the patient's name, record number or birth date",
  date: 'a date',
  phone: 'a phone number',
  email: 'an e-mail address',
  number: 'a long number (an ID?)',
};

/** The text with each likely identifier marked (and why, on hover and for screen readers). */
export function HighlightedText({ text, spans }: { text: string; spans: readonly IdentifierSpan[] }) {
  const parts: ReactNode[] = [];
  let at = 0;
  spans.forEach((s, i) => {
    if (s.start > at) parts.push(text.slice(at, s.start));
    parts.push(
      <mark key={i} className="identifier-mark" title={`Likely identifier: ${REASONS[s.reason]}`}>
        {text.slice(s.start, s.end)}
      </mark>,
    );
    at = s.end;
  });
  parts.push(text.slice(at));
  return <p className="highlighted-text">{parts}</p>;
}

/** The text with every marked span replaced: what is sent unless the sender changes it. */
export function redactSpans(text: string, spans: readonly IdentifierSpan[]): string {
  let out = '';
  let at = 0;
  for (const s of spans) {
    out += `${text.slice(at, s.start)}[removed]`;
    at = s.end;
  }
  return out + text.slice(at);
}
