export function ensureElectronNative(): { ok: true } | { ok: false; reason: string };
