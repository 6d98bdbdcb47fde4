import { READ_AUDIT_ACTIONS } from '../../shared/contract/methods.ts';
import type { AuditEntry } from '../../shared/domain/audit.ts';

/** Entries that carry their own reason are never folded into a run. */
const KEPT_APART: ReadonlySet<string> = new Set(['measurements.recordOverride']);

export interface AuditGroup {
  first: AuditEntry;
  /** Consecutive entries of one kind by one person (e.g. autosaves) shown as one line. */
  count: number;
}

/**
 * The case history: changes only (reads stay in the audit log), with runs of the same action by the
 * same user collapsed into one line (newest first, as given).
 */
export function groupAuditEntries(entries: readonly AuditEntry[]): AuditGroup[] {
  const groups: AuditGroup[] = [];
  for (const entry of entries) {
    if (READ_AUDIT_ACTIONS.has(entry.action)) continue;
    const last = groups[groups.length - 1];
    if (
      last &&
      last.first.action === entry.action &&
      last.first.userName === entry.userName &&
      !KEPT_APART.has(entry.action)
    )
      last.count++;
    else groups.push({ first: entry, count: 1 });
  }
  return groups;
}
