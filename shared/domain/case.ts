import { z } from 'zod';

/** Workflow of a case through the revision conference (../shared/DESIGN.md, Data). */
export const CASE_STATUSES = ['draft', 'ready', 'presented', 'decided', 'archived'] as const;
export const caseStatusSchema = z.enum(CASE_STATUSES);
export type CaseStatus = z.infer<typeof caseStatusSchema>;

export const CASE_STATUS_LABELS: Record<CaseStatus, string> = {
  draft: 'Draft',
  ready: 'Ready for conference',
  presented: 'Presented',
  decided: 'Decided',
  archived: 'Archived',
};

export const SEXES = ['F', 'M', 'O', 'U'] as const;
export const sexSchema = z.enum(SEXES);
export type Sex = z.infer<typeof sexSchema>;

export interface Patient {
  id: number;
  mrn: string;
  name: string | null;
  birthDate: string | null;
  sex: Sex | null;
}

export interface CaseRecord {
  id: number;
  title: string;
  status: CaseStatus;
  clinicalQuestion: string;
  patient: Patient | null;
  createdAt: string;
  updatedAt: string;
  createdBy: string;
}

export type CaseSummary = Pick<CaseRecord, 'id' | 'title' | 'status' | 'updatedAt'> & {
  mrn: string | null;
  patientName: string | null;
};
