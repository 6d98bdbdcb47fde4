import { z } from 'zod';
import { DECISION_SECTION } from '../evaluation/sections/decision.ts';
import { SECOND_OPINION_SECTION } from '../evaluation/sections/second-opinion.ts';
import type { ChoiceOption } from '../evaluation/types.ts';

function choiceOptions(fields: readonly { id: string }[], id: string): readonly ChoiceOption[] {
  const field = fields.find((f) => f.id === id) as { options?: readonly ChoiceOption[] } | undefined;
  if (!field?.options) throw new Error(`No choice field ${id}`);
  return field.options;
}

/** The reviewer recommends from the very categories of the team's decision (one vocabulary). */
export const RECOMMENDATIONS = choiceOptions(DECISION_SECTION.fields, 'decision.recommendation');
/** Agreement with the sender's working plan, as the evaluation's second-opinion section words it. */
export const AGREEMENTS = choiceOptions(SECOND_OPINION_SECTION.fields, 'secondOpinion.agreement');

const codeOf = (options: readonly ChoiceOption[], what: string) =>
  z.string().refine((c) => options.some((o) => o.code === c), `Choose a ${what} from the list.`);

export const reviewerSchema = z.object({
  name: z.string().trim().min(2, 'Enter your name.').max(200),
  credentials: z.string().trim().min(2, 'Enter your credentials and institution.').max(300),
});

/** The reviewer's opinion; drafts may be incomplete, a reply must be complete (replyOpinionSchema). */
export const opinionDraftSchema = z.object({
  agreement: codeOf(AGREEMENTS, 'level of agreement').nullable(),
  recommendation: codeOf(RECOMMENDATIONS, 'recommendation').nullable(),
  rationale: z.string().max(8000, 'Rationale is too long (at most 8000 characters).'),
  reviewer: z.object({ name: z.string().max(200), credentials: z.string().max(300) }),
});
export type OpinionDraft = z.infer<typeof opinionDraftSchema>;

export const replyOpinionSchema = z.object({
  agreement: codeOf(AGREEMENTS, 'level of agreement'),
  recommendation: codeOf(RECOMMENDATIONS, 'recommendation'),
  rationale: z.string().trim().min(3, 'Give the rationale for your opinion.').max(8000),
  reviewer: reviewerSchema,
});
export type ReplyOpinion = z.infer<typeof replyOpinionSchema>;

export const EMPTY_OPINION: OpinionDraft = {
  agreement: null,
  recommendation: null,
  rationale: '',
  reviewer: { name: '', credentials: '' },
};

export const labelOf = (options: readonly ChoiceOption[], code: string | null): string =>
  options.find((o) => o.code === code)?.label ?? '—';
