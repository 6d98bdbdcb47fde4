import { useId, useState } from 'react';
import type { PaperSize, PdfFile } from '../../shared/contract/conference-schemas.ts';
import { PAPER_SIZES } from '../../shared/contract/conference-schemas.ts';
import type { Result } from '../../shared/contract/result.ts';
import { downloadPdf } from './download-pdf.ts';

/**
 * A paper-size choice, a way to make and download a PDF on it, and the message that says how it
 * went: shared by the conference's documents and the case report.
 */
export function usePdfDownload() {
  const [paper, setPaper] = useState<PaperSize>('A4');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const paperId = useId();
  const make = async (request: (paper: PaperSize) => Promise<Result<PdfFile>>): Promise<void> => {
    setBusy(true);
    setMessage(null);
    const r = await request(paper);
    setBusy(false);
    if (!r.ok) return setMessage({ error: true, text: r.error.message });
    downloadPdf(r.value);
    setMessage({ error: false, text: `${r.value.name} (${r.value.pages} pages) downloaded.` });
  };
  const paperSelect = (
    <>
      <label htmlFor={paperId}>Paper</label>
      <select id={paperId} value={paper} onChange={(e) => setPaper(e.target.value as PaperSize)}>
        {PAPER_SIZES.map((p) => (
          <option key={p} value={p}>
            {p}
          </option>
        ))}
      </select>
    </>
  );
  const status = message && (
    <p role={message.error ? 'alert' : 'status'} className={message.error ? 'error-text' : 'muted'}>
      {message.text}
    </p>
  );
  return { busy, make, paperSelect, status };
}
