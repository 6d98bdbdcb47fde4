/**
 * Chronic opioid use: > 90 days in the past year (Lee D et al., J Bone Joint Surg Am 2014 —
 * pre-operative opioid use predicts worse outcomes after spine surgery).
 */
export const CHRONIC_OPIOID_DAYS_OVER = 90;

export function isChronicOpioidUse(daysInPastYear: number): boolean {
  return daysInPastYear > CHRONIC_OPIOID_DAYS_OVER;
}

/**
 * Morphine milligram equivalent conversion factors (Dowell D et al., CDC Clinical Practice
 * Guideline for Prescribing Opioids for Pain, MMWR Recomm Rep 2022;71(3)). Fentanyl is the
 * transdermal patch, dosed in µg/h (factor per µg/h); all others per mg of oral dose.
 */
export const MME_FACTORS = {
  codeine: { label: 'Codeine', factor: 0.15, doseUnit: 'mg' },
  dihydrocodeine: { label: 'Dihydrocodeine', factor: 0.25, doseUnit: 'mg' },
  fentanylPatch: { label: 'Fentanyl transdermal (µg/h)', factor: 2.4, doseUnit: 'µg/h' },
  hydrocodone: { label: 'Hydrocodone', factor: 1, doseUnit: 'mg' },
  hydromorphone: { label: 'Hydromorphone', factor: 5, doseUnit: 'mg' },
  methadone: { label: 'Methadone', factor: 4.7, doseUnit: 'mg' },
  morphine: { label: 'Morphine', factor: 1, doseUnit: 'mg' },
  oxycodone: { label: 'Oxycodone', factor: 1.5, doseUnit: 'mg' },
  oxymorphone: { label: 'Oxymorphone', factor: 3, doseUnit: 'mg' },
  tapentadol: { label: 'Tapentadol', factor: 0.4, doseUnit: 'mg' },
  tramadol: { label: 'Tramadol', factor: 0.2, doseUnit: 'mg' },
} as const;

export type OpioidAgent = keyof typeof MME_FACTORS;

/** CDC 2022: ≥ 50 MME/day increases risk (caution); ≥ 90 MME/day is a high dose (Dowell 2022). */
export const MME_CAUTION_FROM = 50;
export const MME_HIGH_FROM = 90;

/**
 * Daily MME = dose × doses per day × factor. A fentanyl patch is worn continuously, so its
 * "dose" is the patch strength in µg/h and the frequency is ignored.
 */
export function dailyMme(agent: OpioidAgent, dose: number, dosesPerDay: number): number {
  const { factor } = MME_FACTORS[agent];
  return agent === 'fentanylPatch' ? dose * factor : dose * dosesPerDay * factor;
}

export function isOpioidAgent(code: string): code is OpioidAgent {
  return Object.hasOwn(MME_FACTORS, code);
}
