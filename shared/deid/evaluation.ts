import type { EvaluationDocument, FieldDefinition, ListItem } from '../evaluation/index.ts';
import { ALL_FIELDS } from '../evaluation/index.ts';
import { shiftIsoDate } from './dates.ts';
import type { IdentifierSpan, KnownIdentifiers } from './identifiers.ts';
import { findIdentifiers, redactIdentifiers } from './identifiers.ts';

/**
 * De-identification of an evaluation document, applied before any export that leaves the
 * hospital (bundles, and the JSON/CSV/FHIR exports' de-identified option): every calendar date
 * moves by one offset (intervals such as time since surgery survive), and every free text loses
 * its likely identifiers, unless the sender reviewed it and gave the text to send instead.
 */
export interface EvaluationDeidOptions {
  dateOffsetDays: number;
  known: KnownIdentifiers;
  /** Reviewed texts by free-text key (see freeTextsOf); used as given. */
  reviewed?: Readonly<Record<string, string>>;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A free text of the evaluation, with where it sits and what it is called on the form. */
export interface FreeText {
  key: string;
  label: string;
  text: string;
  spans: IdentifierSpan[];
}

const TEXT_KINDS = new Set(['text', 'longText']);

function textKeys(field: FieldDefinition, value: unknown): { key: string; label: string; text: string }[] {
  if (TEXT_KINDS.has(field.kind) && typeof value === 'string' && value.trim())
    return [{ key: `evaluation/${field.id}`, label: field.label, text: value }];
  if (field.kind === 'list' && Array.isArray(value))
    return (value as ListItem[]).flatMap((item, i) =>
      field.itemFields
        .filter(
          (f) =>
            TEXT_KINDS.has(f.kind) &&
            typeof item.values[f.id] === 'string' &&
            String(item.values[f.id]).trim(),
        )
        .map((f) => ({
          key: `evaluation/${field.id}/${i}/values/${f.id}`,
          label: `${field.label} ${i + 1}: ${f.label}`,
          text: String(item.values[f.id]),
        })),
    );
  return [];
}

/** Every non-empty free text of the document, with likely identifiers marked, for the sender's review. */
export function freeTextsOf(doc: EvaluationDocument, known: KnownIdentifiers): FreeText[] {
  return ALL_FIELDS.flatMap((f) => textKeys(f, doc.values[f.id])).map((t) => ({
    ...t,
    spans: findIdentifiers(t.text, known),
  }));
}

function walk(value: unknown, path: string, o: EvaluationDeidOptions): unknown {
  if (typeof value === 'string') {
    if (ISO_DATE.test(value)) return shiftIsoDate(value, o.dateOffsetDays) ?? null;
    const reviewed = o.reviewed?.[path];
    return reviewed ?? redactIdentifiers(value, o.known);
  }
  if (Array.isArray(value)) return value.map((v, i) => walk(v, `${path}/${i}`, o));
  if (value && typeof value === 'object')
    return Object.fromEntries(
      // List item ids are keys, not text.
      Object.entries(value).map(([k, v]) => [k, k === 'id' ? v : walk(v, `${path}/${k}`, o)]),
    );
  return value;
}

export function deidentifyEvaluation(doc: EvaluationDocument, o: EvaluationDeidOptions): EvaluationDocument {
  const values = Object.fromEntries(
    Object.entries(doc.values).map(([id, v]) => [id, walk(v, `evaluation/${id}`, o)]),
  ) as EvaluationDocument['values'];
  return { ...doc, values };
}
