import type { z } from 'zod';

/**
 * A read of patient data that the audit log records (HIPAA audit controls, 45 CFR 164.312(b), ask for
 * access as well as change). Declared next to the method; the dispatcher writes the row, in one place.
 */
export interface ReadAudit<Input> {
  /** The audit action, e.g. 'case.opened'. */
  action: string;
  /** The input field holding the case id the read concerns (goes to audit_log.case_id). */
  caseIdField?: keyof Input & string;
  /** Input fields copied into the row's detail: ids only, never free text. */
  detailFields?: readonly (keyof Input & string)[];
}

export interface MethodSpec<I extends z.ZodType, O> {
  input: I;
  /** Phantom field carrying the output type; never set at run time. */
  output?: O;
  /** The dispatcher refuses the call while nobody is signed in (mutations name their author). */
  needsUser: boolean;
  /** Set for reads of patient data: the dispatcher records who read what (and requires a user). */
  readAudit?: ReadAudit<z.output<I>>;
}

/**
 * Declares one API method: `method<Output>()(inputSchema, needsUser, readAudit?)`. Every area's
 * `<area>-schemas.ts` uses this, so a new method's audit and sign-in rules are enforced by dispatch.
 */
export const method =
  <O>() =>
  <I extends z.ZodType>(input: I, needsUser: boolean, readAudit?: ReadAudit<z.output<I>>): MethodSpec<I, O> =>
    readAudit ? { input, needsUser: true, readAudit } : { input, needsUser };
