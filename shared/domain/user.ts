import { z } from 'zod';

/** Disciplines present at a spine conference (multidisciplinary spine conference practice). */
export const DISCIPLINES = [
  'spine-surgery',
  'neurosurgery',
  'orthopaedic-surgery',
  'radiology',
  'physiatry-pain',
  'anaesthesia',
  'physiotherapy',
  'psychology',
  'nursing',
  'other',
] as const;
export const disciplineSchema = z.enum(DISCIPLINES);
export type Discipline = z.infer<typeof disciplineSchema>;

export const DISCIPLINE_LABELS: Record<Discipline, string> = {
  'spine-surgery': 'Spine surgery',
  neurosurgery: 'Neurosurgery',
  'orthopaedic-surgery': 'Orthopaedic surgery',
  radiology: 'Radiology',
  'physiatry-pain': 'Physiatry / pain medicine',
  anaesthesia: 'Anaesthesia',
  physiotherapy: 'Physiotherapy',
  psychology: 'Psychology',
  nursing: 'Nursing',
  other: 'Other',
};

export interface User {
  id: number;
  name: string;
  discipline: Discipline;
}

export const userNameSchema = z
  .string()
  .trim()
  .min(2, 'Enter your name (at least 2 characters).')
  .max(100, 'Name is too long (at most 100 characters).');
