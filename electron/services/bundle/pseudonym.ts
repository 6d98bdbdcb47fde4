import { randomInt } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRSTUVWXYZ';

/** A pseudonymous case ID for one bundle ("SCR-" + 10 random characters): names the case in both apps. */
export const newPseudonym = (): string =>
  `SCR-${Array.from({ length: 10 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('')}`;

/**
 * One random offset per bundle for the Modified Dates option: between one and ten years back,
 * whole days, never zero (a zero shift would retain the real dates).
 */
export const newDateOffsetDays = (): number => -randomInt(365, 3651);
