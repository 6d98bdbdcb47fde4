/** Chronic opioid use: > 90 days in the past year (DOMAIN.md §4). */
export const CHRONIC_OPIOID_DAYS_OVER = 90;

export function isChronicOpioidUse(daysInPastYear: number): boolean {
  return daysInPastYear > CHRONIC_OPIOID_DAYS_OVER;
}
