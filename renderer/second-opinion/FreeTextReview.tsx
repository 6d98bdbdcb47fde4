import type { FreeText } from '../../shared/deid/evaluation.ts';
import { HighlightedText } from './HighlightedText.tsx';

interface Props {
  texts: readonly FreeText[];
  reviewed: Readonly<Record<string, string>>;
  onChange: (key: string, text: string) => void;
}

/**
 * Every free text that travels with the bundle: the original with likely identifiers marked, and
 * below it what will be sent (identifiers already replaced), which the sender can still edit.
 */
export function FreeTextReview({ texts, reviewed, onChange }: Props) {
  if (!texts.length) return <p className="muted">No free text travels with this case.</p>;
  const flagged = texts.filter((t) => t.spans.length).length;
  return (
    <div className="free-text-review">
      <p className={flagged ? 'notice' : 'muted'}>
        {flagged
          ? `${flagged} of ${texts.length} texts contain likely identifiers (marked). They are replaced by [removed]; check every text before sending.`
          : `No likely identifiers found in ${texts.length} texts; still read them before sending.`}
      </p>
      {texts.map((t) => (
        <div key={t.key} className="free-text-item">
          <h4>{t.label}</h4>
          <HighlightedText text={t.text} spans={t.spans} />
          <textarea
            id={`reviewed-${t.key}`}
            aria-label={`${t.label}: text to send`}
            rows={Math.min(6, Math.max(2, Math.ceil(t.text.length / 90)))}
            value={reviewed[t.key] ?? ''}
            onChange={(e) => onChange(t.key, e.target.value)}
          />
        </div>
      ))}
    </div>
  );
}
