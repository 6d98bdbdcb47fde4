import type { CaseReadiness } from '../../shared/conference/readiness.ts';

/** Form completeness, key images and measurements of one agenda case, at a glance and in words. */
export function ReadinessBadges({ readiness }: { readiness: CaseReadiness }) {
  const { form } = readiness;
  return (
    <span
      className="readiness"
      aria-label={readiness.ready ? 'Ready' : `Not ready: ${readiness.missing.join('; ')}`}
    >
      <span className={`readiness-item ${form.complete ? 'is-ok' : 'is-missing'}`}>
        Form {form.answered}/{form.required}
      </span>
      <span className={`readiness-item ${readiness.keyImages ? 'is-ok' : 'is-missing'}`}>
        {readiness.keyImages} key images
      </span>
      <span className={`readiness-item ${readiness.measurements ? 'is-ok' : 'is-missing'}`}>
        {readiness.measurements} measurements
      </span>
    </span>
  );
}
