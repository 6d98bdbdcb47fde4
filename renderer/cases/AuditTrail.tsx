import { DISCIPLINE_LABELS } from '../../shared/domain/user.ts';
import type { Discipline } from '../../shared/domain/user.ts';
import { api } from '../api.ts';
import { conferenceAuditLabel } from '../conference/audit-labels.ts';
import { useLoad } from '../app/use-load.ts';
import { useImports } from '../imaging/import-context.ts';
import { groupAuditEntries } from './audit-groups.ts';
import { measurementAuditLabel } from './measurement-audit-label.ts';
import { formatDateTime } from './format.ts';

const ACTION_LABELS: Record<string, string> = {
  'case.create': 'Created the case',
  'patient.update': 'Replaced the patient’s recorded details with the entered ones',
  'case.update': 'Edited the case',
  'case.archive': 'Archived the case',
  'case.restore': 'Restored the case',
  'case.linkStudies': 'Imported imaging into the case',
  'case.linkStudy': 'Linked a study',
  'case.unlinkStudy': 'Unlinked a study',
  'case.reopen': 'Reopened the decided case',
  'case.delete': 'Deleted the case',
  'evaluation.save': 'Edited the evaluation',
  'evaluation.export': 'Exported the evaluation',
  'measurements.create': 'Added a measurement',
  'measurements.update': 'Changed a measurement',
  'measurements.delete': 'Deleted a measurement',
  'measurements.export': 'Exported the measurements',
  'secondOpinion.exportBundle': 'Sent the case for a second opinion (de-identified bundle)',
  'secondOpinion.importBundle': 'Received the case for a second opinion',
  'secondOpinion.exportReply': 'Exported the second-opinion reply',
  'secondOpinion.replyMerged': 'Merged a second-opinion reply',
  'secondOpinion.measurementsRecreated': 'Drew the other side’s measurements from a second-opinion bundle',
};

/** Who changed what and when, newest first; `version` reloads it after each save. */
export function AuditTrail({ caseId, version }: { caseId: number; version: string }) {
  const { version: importsVersion } = useImports();
  const [entries] = useLoad(() => api['cases.auditTrail']({ id: caseId }), [caseId, version, importsVersion]);
  return (
    <section aria-labelledby="audit-heading" className="panel">
      <h2 id="audit-heading">History</h2>
      {entries.state === 'error' && <p className="error-text">{entries.message}</p>}
      {entries.state === 'ready' && (
        <ol className="audit-list">
          {groupAuditEntries(entries.value).map(({ first: e, count }) => (
            <li key={e.id}>
              <time dateTime={e.at}>{formatDateTime(e.at)}</time> — <strong>{e.userName}</strong>{' '}
              <span className="muted">({DISCIPLINE_LABELS[e.discipline as Discipline] ?? e.discipline})</span>
              : {measurementAuditLabel(e) ?? conferenceAuditLabel(e) ?? ACTION_LABELS[e.action] ?? e.action}
              {count > 1 && <span className="muted"> ({count} times)</span>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
