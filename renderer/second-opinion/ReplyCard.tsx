import type { ReceivedReply } from '../../shared/contract/second-opinion-schemas.ts';
import { AGREEMENTS, RECOMMENDATIONS, labelOf } from '../../shared/second-opinion/opinion.ts';
import { formatDateTime } from '../cases/format.ts';
import { KeyImageStrip } from './KeyImageStrip.tsx';

/** A reviewer's reply as merged into the original case: beside the team's own work, never over it. */
export function ReplyCard({ reply }: { reply: ReceivedReply }) {
  const { opinion } = reply.reply;
  return (
    <article className="reply-card" aria-label={`Second opinion from ${opinion.reviewer.name}`}>
      <header>
        <h4>
          {opinion.reviewer.name} <span className="muted">— {opinion.reviewer.credentials}</span>
        </h4>
        <span className="muted">
          {reply.pseudonym} · merged {formatDateTime(reply.receivedAt)} by {reply.receivedBy}
        </span>
      </header>
      <dl className="opinion-facts">
        <dt>Agreement</dt>
        <dd>{labelOf(AGREEMENTS, opinion.agreement)}</dd>
        <dt>Recommendation</dt>
        <dd>{labelOf(RECOMMENDATIONS, opinion.recommendation)}</dd>
        <dt>Rationale</dt>
        <dd className="prewrap">{opinion.rationale}</dd>
        <dt>Measurements</dt>
        <dd>
          {reply.reply.measurements.length
            ? `${reply.reply.measurements.length}, drawn on your images in the viewer (marked second opinion, read-only)`
            : 'none'}
        </dd>
      </dl>
      <KeyImageStrip images={reply.reply.keyImages} label="Reviewer's key images" />
    </article>
  );
}
