export type ElectronBinary = { available: true; path: string } | { available: false; reason: string };
export function electronVersion(): string;
export function findElectronBinary(): ElectronBinary;
export function fetchElectronBinary(timeoutMs?: number): ElectronBinary;
