/** Hash routes of the conference screens (the app shell's route.ts delegates to these). */
export type ConferenceRoute =
  { page: 'conferences' } | { page: 'conference'; id: number } | { page: 'present'; id: number };

export function parseConferenceRoute(hash: string): ConferenceRoute | null {
  if (hash === '#/conferences') return { page: 'conferences' };
  const present = /^#\/conferences\/(\d+)\/present$/.exec(hash);
  if (present) return { page: 'present', id: Number(present[1]) };
  const one = /^#\/conferences\/(\d+)$/.exec(hash);
  return one ? { page: 'conference', id: Number(one[1]) } : null;
}

export const isConferenceRoute = (r: { page: string }): r is ConferenceRoute =>
  r.page === 'conferences' || r.page === 'conference' || r.page === 'present';

export const conferenceHref = (r: ConferenceRoute): string =>
  r.page === 'conferences'
    ? '#/conferences'
    : r.page === 'present'
      ? `#/conferences/${r.id}/present`
      : `#/conferences/${r.id}`;
