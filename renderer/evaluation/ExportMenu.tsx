import { useId, useState } from 'react';
import type { ExportFormat } from '../../shared/contract/evaluation-schemas.ts';
import { registryDictionaryFile } from '../../shared/evaluation-export/registry.ts';
import { api } from '../api.ts';
import { downloadFile } from './download.ts';

const FORMAT_LABELS: Record<ExportFormat, string> = {
  json: 'JSON',
  registry: 'Registry CSV (decided versions)',
  csv: 'CSV (every form field)',
  fhir: 'FHIR R4',
};

/** Export this case's evaluation; the backend records the export in the audit trail. */
export function ExportMenu({ caseId, disabled }: { caseId: number; disabled: boolean }) {
  const id = useId();
  const [format, setFormat] = useState<ExportFormat>('json');
  const [message, setMessage] = useState<string | null>(null);
  const [deidentified, setDeidentified] = useState(false);
  const run = async (): Promise<void> => {
    setMessage(null);
    const r = await api['evaluation.export']({ format, caseIds: [caseId], deidentified });
    if (!r.ok) return setMessage(r.error.message);
    r.value.files.forEach(downloadFile);
    setMessage(`Downloaded ${r.value.files.map((f) => f.name).join(', ')}`);
  };
  return (
    <div className="ev-export">
      <label htmlFor={id}>Export as</label>
      <select id={id} value={format} onChange={(e) => setFormat(e.target.value as ExportFormat)}>
        {(Object.keys(FORMAT_LABELS) as ExportFormat[]).map((f) => (
          <option key={f} value={f}>
            {FORMAT_LABELS[f]}
          </option>
        ))}
      </select>
      <label className="check">
        <input type="checkbox" checked={deidentified} onChange={(e) => setDeidentified(e.target.checked)} />
        De-identified
      </label>
      <button type="button" disabled={disabled} onClick={() => void run()}>
        Export
      </button>
      <button
        type="button"
        title="The registry CSV's columns: description, type, unit, codes and source instrument"
        onClick={() => {
          const file = registryDictionaryFile();
          downloadFile(file);
          setMessage(`Downloaded ${file.name}`);
        }}
      >
        Data dictionary
      </button>
      {message && (
        <span role="status" className="ev-export-message muted">
          {message}
        </span>
      )}
    </div>
  );
}
