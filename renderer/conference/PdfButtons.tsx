import { useId } from 'react';
import { api } from '../api.ts';
import { usePdfDownload } from './use-pdf-download.tsx';

/** The agenda (to circulate before) and the minutes (after), on the paper the clinic uses. */
export function PdfButtons({ conferenceId }: { conferenceId: number }) {
  const { busy, make, paperSelect, status } = usePdfDownload();
  const headingId = useId();
  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 id={headingId}>Documents</h2>
      <div className="button-row">
        {paperSelect}
        <button
          type="button"
          disabled={busy}
          onClick={() => void make((paper) => api['report.agendaPdf']({ conferenceId, paper }))}
        >
          Agenda PDF
        </button>
        <button
          type="button"
          disabled={busy}
          onClick={() => void make((paper) => api['report.minutesPdf']({ conferenceId, paper }))}
        >
          Minutes PDF
        </button>
      </div>
      {status}
    </section>
  );
}
