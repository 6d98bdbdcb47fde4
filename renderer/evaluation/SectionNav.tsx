import type { CompletenessReport, SectionDefinition } from '../../shared/evaluation/index.ts';

interface Props {
  sections: readonly SectionDefinition[];
  current: string;
  completeness: CompletenessReport;
  recordCompleteness: CompletenessReport;
  onSelect: (sectionId: string) => void;
}

/** Sections with how much of what the conference needs is in; buttons, so Tab and Enter work. */
export function SectionNav({ sections, current, completeness, recordCompleteness, onSelect }: Props) {
  return (
    <nav className="ev-nav" aria-label="Evaluation sections">
      <ol>
        {sections.map((s) => {
          // The decision section needs nothing before the conference: show what its record needs.
          const conference = completeness.sections.find((x) => x.sectionId === s.id);
          const stage =
            conference && conference.required > 0
              ? conference
              : recordCompleteness.sections.find((x) => x.sectionId === s.id);
          const required = stage?.required ?? 0;
          const missing = stage?.missing.length ?? 0;
          const done = required > 0 && missing === 0;
          const status =
            required === 0 ? 'optional' : done ? 'complete' : `${missing} missing of ${required}`;
          return (
            <li key={s.id}>
              <button
                type="button"
                className={`ev-nav-item${s.id === current ? ' current' : ''}`}
                aria-current={s.id === current ? 'step' : undefined}
                onClick={() => onSelect(s.id)}
              >
                <span className="ev-nav-title">{s.title}</span>
                <span className={`ev-nav-status ${done ? 'ok' : required === 0 ? 'muted' : 'warn'}`}>
                  {done ? '✓ ' : ''}
                  {required === 0 ? 'optional' : `${stage?.answered ?? 0}/${required}`}
                  <span className="visually-hidden">{`, ${status}`}</span>
                </span>
              </button>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
