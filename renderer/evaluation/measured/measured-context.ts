import { createContext } from 'react';
import type { MeasuredField } from '../../../shared/measurements/form-links.ts';

export interface MeasuredValues {
  caseId: number;
  fields: readonly MeasuredField[];
}

/** The values the case's stored measurements give, for the form's "measured" markers. */
export const MeasuredContext = createContext<MeasuredValues | null>(null);
