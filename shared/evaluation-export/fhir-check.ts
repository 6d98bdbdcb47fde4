import { z } from 'zod';
import type { Bundle, Questionnaire, QuestionnaireItem, ResponseItem } from './fhir-types.ts';

/**
 * Structural checks of the R4 rules this export relies on (FHIR R4 Questionnaire que-1…que-12,
 * QuestionnaireResponse qrs-1/qrs-2 and the answer-type table of QuestionnaireResponse.item.answer):
 * required elements, unique linkIds, enableWhen pointing at existing items with fitting answers,
 * answers whose type and codes match their item. Returns readable problems; [] means none found.
 */
const codingSchema = z
  .object({ system: z.string().min(1).optional(), code: z.string().min(1), display: z.string().optional() })
  .strict();
const extensionSchema = z.object({ url: z.string().min(1) }).passthrough();
const itemTypeSchema = z.enum([
  'group',
  'display',
  'boolean',
  'decimal',
  'integer',
  'date',
  'string',
  'text',
  'choice',
  'quantity',
]);

interface ItemShape {
  linkId: string;
  type: string;
  item?: ItemShape[];
}
const questionnaireItemSchema: z.ZodType<ItemShape> = z.lazy(() =>
  z
    .object({
      linkId: z.string().min(1).max(255),
      text: z.string().optional(),
      type: itemTypeSchema,
      required: z.boolean().optional(),
      repeats: z.boolean().optional(),
      readOnly: z.boolean().optional(),
      maxLength: z.number().int().positive().optional(),
      enableWhen: z
        .array(
          z
            .object({
              question: z.string().min(1),
              operator: z.enum(['exists', '=', '!=', '>', '<', '>=', '<=']),
              answerBoolean: z.boolean().optional(),
              answerCoding: codingSchema.optional(),
            })
            .strict()
            .refine(
              (e) => (e.answerBoolean === undefined) !== (e.answerCoding === undefined),
              'enableWhen needs exactly one answer[x]',
            ),
        )
        .min(1)
        .optional(),
      enableBehavior: z.enum(['all', 'any']).optional(),
      answerOption: z
        .array(
          z.object({ valueCoding: codingSchema, extension: z.array(extensionSchema).optional() }).strict(),
        )
        .min(1)
        .optional(),
      code: z.array(codingSchema).min(1).optional(),
      extension: z.array(extensionSchema).optional(),
      item: z.array(questionnaireItemSchema).min(1).optional(),
    })
    .strict(),
);

const questionnaireSchema = z
  .object({
    resourceType: z.literal('Questionnaire'),
    id: z.string().regex(/^[A-Za-z0-9\-.]{1,64}$/),
    url: z.string().min(1),
    version: z.string().min(1),
    name: z.string().regex(/^[A-Z]([A-Za-z0-9_]){0,254}$/),
    title: z.string().min(1),
    status: z.enum(['draft', 'active', 'retired', 'unknown']),
    subjectType: z.array(z.string()).min(1),
    item: z.array(questionnaireItemSchema).min(1),
  })
  .strict();

const quantitySchema = z
  .object({
    value: z.number(),
    unit: z.string().optional(),
    system: z.string().optional(),
    code: z.string().optional(),
  })
  .strict();
const answerSchema = z
  .object({
    valueBoolean: z.boolean().optional(),
    valueDecimal: z.number().optional(),
    valueInteger: z.number().int().optional(),
    valueDate: z
      .string()
      .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/)
      .optional(),
    valueString: z.string().min(1).optional(),
    valueCoding: codingSchema.optional(),
    valueQuantity: quantitySchema.optional(),
  })
  .strict()
  .refine((a) => Object.keys(a).length === 1, 'an answer holds exactly one value[x]');

interface ResponseShape {
  linkId: string;
  answer?: Record<string, unknown>[];
  item?: ResponseShape[];
}
const responseItemSchema: z.ZodType<ResponseShape> = z.lazy(() =>
  z
    .object({
      linkId: z.string().min(1),
      text: z.string().optional(),
      answer: z.array(answerSchema).min(1).optional(),
      item: z.array(responseItemSchema).min(1).optional(),
    })
    .strict(),
);

const responseSchema = z
  .object({
    resourceType: z.literal('QuestionnaireResponse'),
    id: z.string().regex(/^[A-Za-z0-9\-.]{1,64}$/),
    identifier: z.object({ system: z.string().min(1), value: z.string().min(1) }).strict(),
    questionnaire: z.string().min(1),
    status: z.enum(['in-progress', 'completed', 'amended', 'entered-in-error', 'stopped']),
    subject: z
      .object({
        identifier: z.object({ system: z.string(), value: z.string().min(1) }).strict(),
        display: z.string().optional(),
      })
      .strict()
      .optional(),
    authored: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/),
    author: z.object({ display: z.string().min(1) }).strict(),
    item: z.array(responseItemSchema).optional(),
  })
  .strict();

/** Which answer[x] each item type takes (R4 QuestionnaireResponse.item.answer.value[x]). */
const VALUE_KEY: Readonly<Record<string, string>> = {
  boolean: 'valueBoolean',
  decimal: 'valueDecimal',
  integer: 'valueInteger',
  date: 'valueDate',
  string: 'valueString',
  text: 'valueString',
  choice: 'valueCoding',
  quantity: 'valueQuantity',
};

const zodProblems = (what: string, error: z.ZodError): string[] =>
  error.issues.map((i) => `${what}: ${i.path.join('.')}: ${i.message}`);

function walk(items: readonly QuestionnaireItem[], visit: (item: QuestionnaireItem) => void): void {
  for (const item of items) {
    visit(item);
    walk(item.item ?? [], visit);
  }
}

const codeKey = (c: { system?: string; code: string }) => `${c.system ?? ''}|${c.code}`;

export function checkQuestionnaire(q: Questionnaire): string[] {
  const parsed = questionnaireSchema.safeParse(q);
  if (!parsed.success) return zodProblems('Questionnaire', parsed.error);
  const problems: string[] = [];
  const byLinkId = new Map<string, QuestionnaireItem>();
  walk(q.item, (item) => {
    if (byLinkId.has(item.linkId)) problems.push(`que-2: linkId ${item.linkId} is not unique`);
    byLinkId.set(item.linkId, item);
  });
  walk(q.item, (item) => {
    const at = `item ${item.linkId}`;
    if (item.type === 'group' && !item.item?.length) problems.push(`que-1: ${at}: a group needs items`);
    if (item.type === 'display' && (item.item || item.required || item.repeats || item.readOnly))
      problems.push(`que-1/6/9: ${at}: a display item has no items, required, repeats or readOnly`);
    if (item.answerOption && item.type !== 'choice')
      problems.push(`que-5: ${at}: answerOption on ${item.type}`);
    if (
      item.maxLength !== undefined &&
      !['string', 'text', 'boolean', 'decimal', 'integer'].includes(item.type)
    )
      problems.push(`que-10: ${at}: maxLength on ${item.type}`);
    for (const ext of item.extension ?? []) {
      // Context rules of the R4 extensions: questionnaire-unit on decimal/integer only,
      // questionnaire-unitOption on quantity only.
      if (ext.url.endsWith('/questionnaire-unit') && !['decimal', 'integer'].includes(item.type))
        problems.push(
          `${at}: questionnaire-unit is allowed only on decimal or integer items, not ${item.type}`,
        );
      if (ext.url.endsWith('/questionnaire-unitOption') && item.type !== 'quantity')
        problems.push(`${at}: questionnaire-unitOption is allowed only on quantity items, not ${item.type}`);
    }
    if ((item.enableWhen?.length ?? 0) > 1 && !item.enableBehavior)
      problems.push(`que-12: ${at}: several enableWhen need enableBehavior`);
    for (const when of item.enableWhen ?? []) {
      const target = byLinkId.get(when.question);
      if (!target) {
        problems.push(`${at}: enableWhen refers to unknown item ${when.question}`);
        continue;
      }
      if (when.operator === 'exists') {
        if (when.answerBoolean === undefined) problems.push(`que-7: ${at}: exists needs answerBoolean`);
      } else if (when.answerCoding) {
        const codes = new Set((target.answerOption ?? []).map((o) => codeKey(o.valueCoding)));
        if (target.type !== 'choice' || !codes.has(codeKey(when.answerCoding)))
          problems.push(
            `${at}: enableWhen answer ${when.answerCoding.code} is not an option of ${when.question}`,
          );
      } else if (target.type !== 'boolean') {
        problems.push(`${at}: enableWhen compares ${when.question} (${target.type}) with a boolean`);
      }
    }
  });
  return problems;
}

function checkResponseItems(
  items: readonly ResponseItem[],
  definitions: readonly QuestionnaireItem[],
  where: string,
  problems: string[],
): void {
  const seen = new Map<string, number>();
  for (const item of items) {
    const at = `${where}/${item.linkId}`;
    const def = definitions.find((d) => d.linkId === item.linkId);
    if (!def) {
      problems.push(`${at}: no such item in the Questionnaire at this level`);
      continue;
    }
    seen.set(item.linkId, (seen.get(item.linkId) ?? 0) + 1);
    if (def.type === 'group') {
      if (item.answer) problems.push(`${at}: a group has items, not answers`);
      if (!item.item?.length) problems.push(`${at}: an empty group`);
      checkResponseItems(item.item ?? [], def.item ?? [], at, problems);
      continue;
    }
    if (item.item) problems.push(`qrs-1: ${at}: a question's nested items go beneath its answers`);
    const answers = item.answer ?? [];
    if (!answers.length) problems.push(`${at}: a question without an answer`);
    if (answers.length > 1 && !def.repeats) problems.push(`${at}: several answers to a non-repeating item`);
    const key = VALUE_KEY[def.type];
    const options = new Set((def.answerOption ?? []).map((o) => codeKey(o.valueCoding)));
    for (const answer of answers) {
      const keys = Object.keys(answer);
      if (keys.length !== 1 || keys[0] !== key)
        problems.push(`${at}: ${def.type} item answered with ${keys.join(', ')}`);
      if (answer.valueCoding && options.size && !options.has(codeKey(answer.valueCoding)))
        problems.push(`${at}: ${answer.valueCoding.code} is not an answer option`);
    }
  }
  for (const [linkId, count] of seen) {
    const def = definitions.find((d) => d.linkId === linkId);
    if (count > 1 && !(def?.type === 'group' && def.repeats))
      problems.push(`qrs-2: ${where}/${linkId}: repeated, but the item does not repeat`);
  }
}

export function checkBundle(bundle: Bundle): string[] {
  const questionnaires = bundle.entry
    .map((e) => e.resource)
    .filter((r): r is Questionnaire => r.resourceType === 'Questionnaire');
  const q = questionnaires[0];
  if (!q || questionnaires.length !== 1) return ['The bundle needs exactly one Questionnaire.'];
  const problems = checkQuestionnaire(q);
  for (const entry of bundle.entry) {
    const r = entry.resource;
    if (r.resourceType !== 'QuestionnaireResponse') continue;
    const parsed = responseSchema.safeParse(r);
    if (!parsed.success) {
      problems.push(...zodProblems(`QuestionnaireResponse ${r.id}`, parsed.error));
      continue;
    }
    if (r.questionnaire !== `${q.url}|${q.version}`)
      problems.push(`${r.id}: questionnaire is not ${q.url}|${q.version}`);
    checkResponseItems(r.item, q.item, r.id, problems);
  }
  return problems;
}
