/** What a case needs before it is shown to the team, and how far it is. */
export interface CaseReadiness {
  /** Required form fields for the conference: answered / required. */
  form: { answered: number; required: number; complete: boolean };
  keyImages: number;
  measurements: number;
  ready: boolean;
  /** Plain sentences for what is missing ("No key images"). */
  missing: string[];
}

export interface ReadinessInput {
  form: { answered: number; required: number; complete: boolean };
  keyImages: number;
  measurements: number;
}

/** A case is ready when its form is complete and it has key images and measurements to show. */
export function caseReadiness(input: ReadinessInput): CaseReadiness {
  const missing = [
    ...(input.form.complete
      ? []
      : [`Form ${input.form.answered} of ${input.form.required} required answers`]),
    ...(input.keyImages === 0 ? ['No key images'] : []),
    ...(input.measurements === 0 ? ['No measurements'] : []),
  ];
  return { ...input, ready: missing.length === 0, missing };
}
