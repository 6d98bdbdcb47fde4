/** Pack-years = (cigarettes per day / 20) × years smoked (one pack = 20 cigarettes). */
export const CIGARETTES_PER_PACK = 20;

export function packYears(cigarettesPerDay: number, years: number): number {
  return (cigarettesPerDay / CIGARETTES_PER_PACK) * years;
}
