/** Display helpers shared by messages, derived texts and flag details. */

/** Up to `decimals` places, no trailing zeros, Unicode minus: −2.5. */
export function formatNumber(n: number, decimals = 2): string {
  const rounded = Number(n.toFixed(decimals));
  const text = String(Object.is(rounded, -0) ? 0 : rounded);
  return text.replace('-', '\u2212');
}

/** "800 kg", "20 %", "5°" (no space before a degree sign), "3" when unitless. */
export function withUnit(text: string, unit: string | undefined): string {
  if (!unit) return text;
  return unit === '°' ? `${text}°` : `${text} ${unit}`;
}

export function formatQuantity(n: number, unit: string | undefined, decimals = 2): string {
  return withUnit(formatNumber(n, decimals), unit);
}

/** "20–400 kg"; "−7 to 5" when the range starts below zero (an en dash after a minus misreads). */
export function formatRange(min: number, max: number, unit: string | undefined): string {
  const joiner = min < 0 ? ' to ' : '–';
  return withUnit(`${formatNumber(min)}${joiner}${formatNumber(max)}`, unit);
}
