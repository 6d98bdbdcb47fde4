import type { AuditEntry } from '../../shared/domain/audit.ts';

export interface AuditGroup {
  first: AuditEntry;
  /** Consecutive entries of one kind by one person (e.g. autosaves) shown as one line. */
  count: number;
}

/** Collapses runs of the same action by the same user into one line (newest first, as given). */
export function groupAuditEntries(entries: readonly AuditEntry[]): AuditGroup[] {
  const groups: AuditGroup[] = [];
  for (const entry of entries) {
    const last = groups[groups.length - 1];
    if (last && last.first.action === entry.action && last.first.userName === entry.userName) last.count++;
    else groups.push({ first: entry, count: 1 });
  }
  return groups;
}
