import { useId, useState } from 'react';
import type { PaperSize } from '../../shared/contract/conference-schemas.ts';
import { PAPER_SIZES } from '../../shared/contract/conference-schemas.ts';
import { api } from '../api.ts';
import { downloadPdf } from './download-pdf.ts';

/** The agenda (to circulate before) and the minutes (after), on the paper the clinic uses. */
export function PdfButtons({ conferenceId }: { conferenceId: number }) {
  const [paper, setPaper] = useState<PaperSize>('A4');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const paperId = useId();
  const make = async (which: 'report.agendaPdf' | 'report.minutesPdf'): Promise<void> => {
    setBusy(true);
    setMessage(null);
    const r = await api[which]({ conferenceId, paper });
    setBusy(false);
    if (!r.ok) return setMessage({ error: true, text: r.error.message });
    downloadPdf(r.value);
    setMessage({ error: false, text: `${r.value.name} (${r.value.pages} pages) downloaded.` });
  };
  return (
    <section className="panel" aria-labelledby={`${paperId}-heading`}>
      <h2 id={`${paperId}-heading`}>Documents</h2>
      <div className="button-row">
        <label htmlFor={paperId}>Paper</label>
        <select id={paperId} value={paper} onChange={(e) => setPaper(e.target.value as PaperSize)}>
          {PAPER_SIZES.map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </select>
        <button type="button" disabled={busy} onClick={() => void make('report.agendaPdf')}>
          Agenda PDF
        </button>
        <button type="button" disabled={busy} onClick={() => void make('report.minutesPdf')}>
          Minutes PDF
        </button>
      </div>
      {message && (
        <p role={message.error ? 'alert' : 'status'} className={message.error ? 'error-text' : 'muted'}>
          {message.text}
        </p>
      )}
    </section>
  );
}
