import type { CompletenessReport, MissingItem } from '../../shared/evaluation/index.ts';
import { sectionById } from '../../shared/evaluation/index.ts';

interface Props {
  completeness: CompletenessReport;
  onJump: (item: MissingItem) => void;
}

/** "Ready for conference", or exactly what is still missing or invalid, each a jump to its field. */
export function ReadyPanel({ completeness, onJump }: Props) {
  const { missing } = completeness;
  if (completeness.complete)
    return (
      <div className="ev-ready ok" role="status">
        <strong>✓ Ready for conference</strong>
        <span className="muted"> — everything the conference needs is entered and valid.</span>
      </div>
    );
  return (
    <details className="ev-ready warn" open>
      <summary>
        <strong>Not ready for conference</strong>
        <span>{` — ${missing.length} item${missing.length === 1 ? '' : 's'} missing or invalid`}</span>
      </summary>
      <ul className="ev-missing">
        {missing.map((m) => (
          <li key={`${m.sectionId}/${m.fieldId}`}>
            <button type="button" className="button-quiet ev-link" onClick={() => onJump(m)}>
              {`${sectionById(m.sectionId)?.title ?? m.sectionId}: ${m.label}`}
            </button>{' '}
            <span className={m.reason === 'invalid' ? 'error-text' : 'muted'}>{m.detail}</span>
          </li>
        ))}
      </ul>
    </details>
  );
}
