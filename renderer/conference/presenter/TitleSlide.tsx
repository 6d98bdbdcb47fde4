import type { Presentation } from '../../../shared/contract/conference-schemas.ts';
import { recommendationLabel } from '../../../shared/conference/recommendations.ts';

/** The meeting on one slide: date, place, and the numbered agenda (digits jump to a case). */
export function TitleSlide({ presentation }: { presentation: Presentation }) {
  const c = presentation.conference;
  return (
    <div className="slide title-slide">
      <h1 className="slide-title">{c.title}</h1>
      <p className="slide-identity">
        {c.date}
        {c.location ? ` · ${c.location}` : ''} · {presentation.attendees.length} attendees
      </p>
      <ol className="title-agenda">
        {presentation.items.map((item) => (
          <li key={item.caseId}>
            {item.title}
            {item.decision && (
              <span className="title-agenda-decided">
                {' '}
                — {recommendationLabel(item.decision.recommendation)}
              </span>
            )}
          </li>
        ))}
      </ol>
      <p className="slide-hint">
        PageDown / → / Space next · PageUp / ← back · 1–9 case · B blank · D decision · Esc leave
      </p>
    </div>
  );
}
