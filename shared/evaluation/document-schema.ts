import { z } from 'zod';
import { SEGMENTS } from './levels.ts';
import { ALL_FIELDS, SCHEMA_VERSION } from './schema.ts';
import type { CellField, FieldDefinition } from './types.ts';
import type { CellValue, EvaluationDocument, FieldValue } from './values.ts';

/**
 * The shape of an evaluation document where it crosses IPC/HTTP. Shape only: structure, types and
 * size limits. Clinical ranges and required fields are validateEvaluation's job, so a draft with
 * a typo (weight "8O") still saves and is reported rather than lost.
 */
const MAX_TEXT = 100_000;
const MAX_CODE = 100;

const rawNumber = z.union([z.number(), z.string().max(MAX_CODE)]);
const code = z.string().max(MAX_CODE);

function cellShape(field: CellField): z.ZodType<CellValue> {
  switch (field.kind) {
    case 'text':
    case 'longText':
      return z.string().max(MAX_TEXT);
    case 'integer':
    case 'decimal':
      return rawNumber;
    case 'date':
      return z.string().max(MAX_CODE);
    case 'boolean':
      return z.boolean();
    case 'singleChoice':
      return code;
    case 'multiChoice':
      return z.array(code).max(field.options.length);
  }
}

function fieldShape(field: Exclude<FieldDefinition, { kind: 'computed' }>): z.ZodType<FieldValue> {
  switch (field.kind) {
    case 'score':
      return z.number().int();
    case 'sideGrid': {
      const side = code.nullable().optional();
      const row = z.object({ left: side, right: side }).strict();
      return z.partialRecord(
        z.enum(field.rows.map((r) => r.id) as [string, ...string[]]),
        row.nullable().optional(),
      );
    }
    case 'levelGrid': {
      const cells = Object.fromEntries(field.columns.map((c) => [c.id, cellShape(c).nullable().optional()]));
      const row = z.object(cells).strict();
      return z.partialRecord(z.enum(SEGMENTS as [string, ...string[]]), row.nullable().optional());
    }
    case 'list': {
      const cells = Object.fromEntries(
        field.itemFields.map((f) => [f.id, cellShape(f).nullable().optional()]),
      );
      const item = z
        .object({ id: z.string().min(1).max(MAX_CODE), values: z.object(cells).strict() })
        .strict();
      return z.array(item).max(field.maxItems);
    }
    default:
      return cellShape(field);
  }
}

const valueShapes = Object.fromEntries(
  ALL_FIELDS.filter((f) => f.kind !== 'computed').map((f) => [f.id, fieldShape(f).nullable().optional()]),
);

/** Values of the current schema version; unknown ids and computed fields are rejected. */
export const evaluationValuesSchema = z.object(valueShapes).strict();

export const evaluationDocumentSchema: z.ZodType<EvaluationDocument> = z
  .object({
    schemaVersion: z.literal(SCHEMA_VERSION),
    values: evaluationValuesSchema,
  })
  .strict();

export function emptyEvaluation(): EvaluationDocument {
  return { schemaVersion: SCHEMA_VERSION, values: {} };
}
