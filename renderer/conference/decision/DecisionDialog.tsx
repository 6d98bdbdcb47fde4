import { useState } from 'react';
import type { PresentationItem } from '../../../shared/contract/conference-schemas.ts';
import type { Attendee } from '../../../shared/conference/types.ts';
import { ModalDialog } from '../../app/ModalDialog.tsx';
import { ReopenDialog } from '../../evaluation/ReopenDialog.tsx';
import { DecisionForm } from './DecisionForm.tsx';
import { DecisionView } from './DecisionView.tsx';

interface Props {
  conferenceId: number;
  item: PresentationItem;
  attendees: Attendee[];
  onClose: () => void;
  onSaved: () => void;
}

/**
 * The team's decision on the case on screen. A decided case shows its decision read-only; changing
 * it means reopening the case with a reason (audited), then recording a new decision.
 */
export function DecisionDialog({ conferenceId, item, attendees, onClose, onSaved }: Props) {
  const [reopening, setReopening] = useState(false);
  const [reopened, setReopened] = useState(false);
  const decided = item.status === 'decided' && !reopened;
  return (
    <ModalDialog title={`Decision — ${item.title}`} className="decision-dialog" onEscape={onClose}>
      {decided && item.decision ? (
        <>
          <DecisionView decision={item.decision} />
          <p className="muted">
            This case is decided and read-only. Reopen it, giving a reason, to change the decision.
          </p>
          <div className="button-row">
            <button type="button" onClick={() => setReopening(true)}>
              Reopen case…
            </button>
            <span className="spacer" />
            <button type="button" className="button-primary" onClick={onClose}>
              Close
            </button>
          </div>
        </>
      ) : (
        <DecisionForm
          conferenceId={conferenceId}
          caseId={item.caseId}
          attendees={attendees}
          previous={item.decision}
          onCancel={onClose}
          onSaved={onSaved}
        />
      )}
      {reopening && (
        <ReopenDialog
          caseId={item.caseId}
          onCancel={() => setReopening(false)}
          onReopened={() => {
            setReopening(false);
            setReopened(true);
          }}
        />
      )}
    </ModalDialog>
  );
}
