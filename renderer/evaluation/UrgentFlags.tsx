import type { DiscussionFlag } from '../../shared/evaluation/index.ts';
import { FlagItem } from './FlagsPanel.tsx';

/** Urgent flags at the top of the case, above everything else, so nobody scrolls past them. */
export function UrgentFlags({ flags }: { flags: readonly DiscussionFlag[] }) {
  const urgent = flags.filter((f) => f.level === 'urgent');
  if (urgent.length === 0) return null;
  return (
    <section className="ev-urgent" role="alert" aria-labelledby="urgent-flags-heading">
      <h2 id="urgent-flags-heading">Urgent — neurological red flag</h2>
      <ul className="ev-flag-list">
        {urgent.map((f) => (
          <FlagItem key={f.id} flag={f} />
        ))}
      </ul>
    </section>
  );
}
