import type { MeasuredOverrideDetail } from '../../shared/contract/measurement-schemas.ts';
import type { AuditEntry } from '../../shared/domain/audit.ts';
import { overrideLine } from '../../shared/measurements/override.ts';

/** The case history's words for a measured value overridden by a typed one; null for other actions. */
export function measurementAuditLabel(e: AuditEntry): string | null {
  if (e.action !== 'measurements.recordOverride') return null;
  try {
    return overrideLine(JSON.parse(e.detail) as MeasuredOverrideDetail);
  } catch {
    return 'Overrode a measured value';
  }
}
