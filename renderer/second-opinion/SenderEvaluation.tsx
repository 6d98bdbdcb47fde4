import type { EvaluationDocument } from '../../shared/evaluation/index.ts';
import { EVALUATION_SCHEMA, isBlank } from '../../shared/evaluation/index.ts';
import { displayValue, isScalarField } from '../../shared/evaluation-export/display.ts';

/** The sender's evaluation as it arrived, section by section, answered fields only; read-only. */
export function SenderEvaluation({ document }: { document: EvaluationDocument | null }) {
  if (!document) return <p className="muted">The sender sent no evaluation.</p>;
  const sections = EVALUATION_SCHEMA.sections
    .map((s) => ({
      section: s,
      rows: s.fields
        .filter((f) => !isBlank(document.values[f.id]))
        .map((f) => ({
          id: f.id,
          label: f.label,
          value: isScalarField(f)
            ? displayValue(f, document.values[f.id])
            : Array.isArray(document.values[f.id])
              ? `${(document.values[f.id] as unknown[]).length} entries`
              : 'filled in',
        })),
    }))
    .filter((s) => s.rows.length);
  if (!sections.length) return <p className="muted">The sender’s evaluation is empty.</p>;
  return (
    <div className="sender-evaluation">
      {sections.map(({ section, rows }) => (
        <section key={section.id} aria-label={`Sender: ${section.title}`}>
          <h4>{section.title}</h4>
          <dl>
            {rows.map((r) => (
              <div key={r.id}>
                <dt>{r.label}</dt>
                <dd className="prewrap">{r.value}</dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
    </div>
  );
}
