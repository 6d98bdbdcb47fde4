/**
 * ODI and NDI: items scored 0–5; % = sum / (5 × items answered) × 100 (Fairbank JC, Pynsent PB, Spine 2000).
 * Scoring over answered items only is why the answered count is always reported.
 */
export const QUESTIONNAIRE_ITEM_MAX = 5;

export type QuestionnaireScore =
  | { readonly ok: true; readonly sum: number; readonly answered: number; readonly percent: number }
  | { readonly ok: false; readonly answered: number };

/**
 * @param answers one entry per item; undefined/null = not answered.
 * @param minAnswered fewer answered items give no score (configurable (check), config.ts).
 */
export function scoreQuestionnaire(
  answers: readonly (number | null | undefined)[],
  minAnswered: number,
): QuestionnaireScore {
  const given = answers.filter((a): a is number => a !== undefined && a !== null);
  for (const a of given) {
    if (!Number.isInteger(a) || a < 0 || a > QUESTIONNAIRE_ITEM_MAX) {
      throw new RangeError(`Questionnaire item score must be 0–${QUESTIONNAIRE_ITEM_MAX}, got ${a}`);
    }
  }
  const answered = given.length;
  if (answered === 0 || answered < minAnswered) return { ok: false, answered };
  const sum = given.reduce((s, a) => s + a, 0);
  return { ok: true, sum, answered, percent: (sum / (QUESTIONNAIRE_ITEM_MAX * answered)) * 100 };
}
