import type {
  PatientDetailDifference,
  PatientDetailsChoice,
  PatientOnRecord,
} from '../../shared/domain/patient-details.ts';
import { PATIENT_DETAIL_LABELS, showPatientDetail } from '../../shared/domain/patient-details.ts';
import { ModalDialog } from '../app/ModalDialog.tsx';

interface Props {
  recorded: PatientOnRecord;
  differences: PatientDetailDifference[];
  onChoose: (choice: PatientDetailsChoice) => void;
  onBack: () => void;
}

/**
 * The MRN typed for a new case belongs to a patient on record whose details differ from those typed:
 * both are shown side by side and the user decides. Keeping the record (the safe choice, focused) is
 * what the images say; replacing it changes the patient for every case and study and is recorded.
 */
export function PatientDetailsDialog({ recorded, differences, onChoose, onBack }: Props) {
  const source = recorded.fromImaging ? 'from imported imaging (DICOM)' : 'from an earlier case';
  return (
    <ModalDialog title="This patient is already on record" onEscape={onBack}>
      <p>
        MRN <strong>{recorded.mrn}</strong> belongs to a patient recorded {source}. What you entered differs:
      </p>
      <table className="case-table patient-details-table">
        <thead>
          <tr>
            <th scope="col">Detail</th>
            <th scope="col">On record ({recorded.fromImaging ? 'imaging' : 'earlier case'})</th>
            <th scope="col">You entered</th>
          </tr>
        </thead>
        <tbody>
          {differences.map((d) => (
            <tr key={d.field}>
              <th scope="row">{PATIENT_DETAIL_LABELS[d.field]}</th>
              <td>
                {d.recorded === null ? (
                  <span className="muted">none recorded</span>
                ) : (
                  showPatientDetail(d.field, d.recorded)
                )}
              </td>
              <td>{showPatientDetail(d.field, d.entered)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted">
        Keeping the record links the case to the patient as recorded; what you typed is not saved. Using yours
        changes the patient for every case and study of this MRN, and the change is recorded in the case
        history.
      </p>
      <div className="button-row">
        <button type="button" className="button-primary" autoFocus onClick={() => onChoose('keep-recorded')}>
          Keep the recorded details
        </button>
        <button type="button" onClick={() => onChoose('use-entered')}>
          Use what I entered
        </button>
        <button type="button" onClick={onBack}>
          Back to the form
        </button>
      </div>
    </ModalDialog>
  );
}
