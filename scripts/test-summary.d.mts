export interface Skip {
  runner: 'vitest' | 'playwright';
  name: string;
  file?: string;
  reason: string;
}
export interface Tally {
  passed: number;
  failed: number;
  skipped: Skip[];
}
export function vitestTally(report: unknown): Tally;
export function playwrightTally(report: unknown): Tally;
export function isAllowedSkip(skip: Skip): boolean;
export function mergeTallies(...tallies: Tally[]): Tally;
