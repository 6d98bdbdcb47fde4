import type { CaseStatus } from '../../shared/domain/case.ts';
import { CASE_STATUS_LABELS } from '../../shared/domain/case.ts';

export function StatusBadge({ status }: { status: CaseStatus }) {
  return <span className={`status-badge status-${status}`}>{CASE_STATUS_LABELS[status]}</span>;
}
