export function phantomFingerprint(root?: string): string;
