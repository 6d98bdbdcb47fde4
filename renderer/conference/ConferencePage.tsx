import { useEffect, useState } from 'react';
import type { AgendaEntry, ConferenceDetail } from '../../shared/contract/conference-schemas.ts';
import type { Attendee } from '../../shared/conference/types.ts';
import { api } from '../api.ts';
import { navigate } from '../app/route.ts';
import { useLoad } from '../app/use-load.ts';
import { AgendaPanel } from './AgendaPanel.tsx';
import { AttendeesPanel } from './AttendeesPanel.tsx';
import { ConferenceDetailsForm } from './ConferenceDetailsForm.tsx';
import { PdfButtons } from './PdfButtons.tsx';

/** One conference: its details, attendees and ordered agenda, the PDFs, and presenter mode. */
export function ConferencePage({ conferenceId }: { conferenceId: number }) {
  const [loaded] = useLoad(() => api['conference.get']({ conferenceId }), [conferenceId]);
  const [detail, setDetail] = useState<ConferenceDetail | null>(null);
  useEffect(() => {
    if (loaded.state === 'ready') setDetail(loaded.value);
  }, [loaded]);
  if (loaded.state === 'loading') return <p className="muted">Loading conference…</p>;
  if (loaded.state === 'error')
    return (
      <section className="page">
        <p role="alert" className="error-text">
          {loaded.message}
        </p>
        <a href="#/conferences">Back to the conferences</a>
      </section>
    );
  if (!detail) return null;
  const setAgenda = (agenda: AgendaEntry[]): void => setDetail({ ...detail, agenda });
  const setAttendees = (attendees: Attendee[]): void => setDetail({ ...detail, attendees });
  const c = detail.conference;
  return (
    <section className="page conference-page" aria-labelledby="conference-heading">
      <a href="#/conferences" className="back-link">
        ← All conferences
      </a>
      <div className="page-header">
        <h1 id="conference-heading">{c.title}</h1>
        <span className="spacer" />
        <button
          type="button"
          className="button-primary"
          disabled={detail.agenda.length === 0}
          onClick={() => navigate({ page: 'present', id: c.id })}
        >
          Start presenter mode
        </button>
      </div>
      <p className="muted">
        {c.date}
        {c.location ? ` · ${c.location}` : ''} · {detail.agenda.length} cases · {detail.attendees.length}{' '}
        attendees
      </p>
      <ConferenceDetailsForm
        key={c.updatedAt}
        conference={c}
        onSaved={(conference) => setDetail({ ...detail, conference })}
      />
      <div className="conference-columns">
        <AgendaPanel conferenceId={c.id} agenda={detail.agenda} onChanged={setAgenda} />
        <AttendeesPanel conferenceId={c.id} attendees={detail.attendees} onChanged={setAttendees} />
      </div>
      <PdfButtons conferenceId={c.id} />
    </section>
  );
}
