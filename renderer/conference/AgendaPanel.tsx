import { useId, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { moveItem } from '../../shared/conference/agenda-order.ts';
import type { AgendaEntry } from '../../shared/contract/conference-schemas.ts';
import { api } from '../api.ts';
import { StatusBadge } from '../cases/StatusBadge.tsx';
import { AddCasePicker } from './AddCasePicker.tsx';
import { ReadinessBadges } from './ReadinessBadges.tsx';

interface Props {
  conferenceId: number;
  agenda: AgendaEntry[];
  onChanged: (agenda: AgendaEntry[]) => void;
}

/**
 * The ordered agenda. Reorder by dragging a row, with the Move up/down buttons, or from the
 * keyboard: Alt+↑/↓ on a focused row (focus follows the row so it can be moved again).
 */
export function AgendaPanel({ conferenceId, agenda, onChanged }: Props) {
  const headingId = useId();
  const [message, setMessage] = useState<string | null>(null);
  const [dragging, setDragging] = useState<number | null>(null);
  const rows = useRef(new Map<number, HTMLLIElement>());

  const apply = async (
    call: Promise<{ ok: true; value: AgendaEntry[] } | { ok: false; error: { message: string } }>,
  ) => {
    const r = await call;
    if (!r.ok) return setMessage(r.error.message);
    setMessage(null);
    onChanged(r.value);
  };
  const move = async (from: number, to: number): Promise<void> => {
    if (to < 0 || to >= agenda.length || from === to) return;
    const caseIds = moveItem(
      agenda.map((a) => a.caseId),
      from,
      to,
    );
    const moved = agenda[from]?.caseId;
    await apply(api['conference.reorderAgenda']({ conferenceId, caseIds }));
    if (moved !== undefined) rows.current.get(moved)?.focus();
  };
  const onRowKey = (e: KeyboardEvent, index: number): void => {
    if (!e.altKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
    e.preventDefault();
    void move(index, index + (e.key === 'ArrowUp' ? -1 : 1));
  };

  return (
    <section className="panel agenda-panel" aria-labelledby={headingId}>
      <h2 id={headingId}>Agenda ({agenda.length} cases)</h2>
      <p className="muted">Drag a case, or focus it and press Alt+↑ / Alt+↓, to change the order.</p>
      {agenda.length === 0 && <p className="muted">No cases yet. Add the cases to discuss below.</p>}
      <ol className="agenda-list">
        {agenda.map((a, i) => (
          <li
            key={a.caseId}
            ref={(el) => {
              if (el) rows.current.set(a.caseId, el);
              else rows.current.delete(a.caseId);
            }}
            tabIndex={0}
            draggable
            aria-label={`${i + 1}. ${a.title}`}
            className={`agenda-row${dragging === i ? ' is-dragging' : ''}`}
            onKeyDown={(e) => onRowKey(e, i)}
            onDragStart={(e) => {
              setDragging(i);
              e.dataTransfer.effectAllowed = 'move';
            }}
            onDragEnd={() => setDragging(null)}
            onDragOver={(e) => e.preventDefault()}
            onDrop={(e) => {
              e.preventDefault();
              if (dragging !== null) void move(dragging, i);
              setDragging(null);
            }}
          >
            <span className="agenda-number" aria-hidden="true">
              {i + 1}
            </span>
            <span className="agenda-case">
              <a href={`#/cases/${a.caseId}`}>{a.title}</a>
              <span className="muted">
                {[a.patientName, a.mrn ? `MRN ${a.mrn}` : null].filter(Boolean).join(' · ') || 'No patient'}
              </span>
              <ReadinessBadges readiness={a.readiness} />
            </span>
            <StatusBadge status={a.status} />
            <span className="agenda-actions">
              <button
                type="button"
                aria-label={`Move ${a.title} up`}
                disabled={i === 0}
                onClick={() => void move(i, i - 1)}
              >
                ↑
              </button>
              <button
                type="button"
                aria-label={`Move ${a.title} down`}
                disabled={i === agenda.length - 1}
                onClick={() => void move(i, i + 1)}
              >
                ↓
              </button>
              <button
                type="button"
                className="button-quiet"
                aria-label={`Remove ${a.title} from the agenda`}
                onClick={() => void apply(api['conference.removeCase']({ conferenceId, caseId: a.caseId }))}
              >
                Remove
              </button>
            </span>
          </li>
        ))}
      </ol>
      <AddCasePicker
        exclude={agenda.map((a) => a.caseId)}
        onAdd={(caseId) => apply(api['conference.addCase']({ conferenceId, caseId }))}
      />
      {message && (
        <p role="alert" className="error-text">
          {message}
        </p>
      )}
    </section>
  );
}
