import { useEffect, useState } from 'react';
import type { ConferenceRoute } from '../conference/conference-route.ts';
import { conferenceHref, isConferenceRoute, parseConferenceRoute } from '../conference/conference-route.ts';

export type Route =
  | { page: 'cases' }
  | { page: 'case'; id: number }
  | { page: 'viewer'; id: number }
  | { page: 'library' }
  | { page: 'archive'; caseId: number | null }
  | { page: 'archiveSettings' }
  | ConferenceRoute;

/** Hash routes keep working under both hosts (app:// in Electron, http:// in the browser host). */
export function parseRoute(hash: string): Route {
  if (hash === '#/library') return { page: 'library' };
  const conference = parseConferenceRoute(hash);
  if (conference) return conference;
  if (hash === '#/archive') return { page: 'archive', caseId: null };
  if (hash === '#/archive/settings') return { page: 'archiveSettings' };
  const archive = /^#\/cases\/(\d+)\/archive$/.exec(hash);
  if (archive) return { page: 'archive', caseId: Number(archive[1]) };
  const viewer = /^#\/cases\/(\d+)\/viewer$/.exec(hash);
  if (viewer) return { page: 'viewer', id: Number(viewer[1]) };
  const m = /^#\/cases\/(\d+)$/.exec(hash);
  return m ? { page: 'case', id: Number(m[1]) } : { page: 'cases' };
}

export const routeHref = (route: Route): string =>
  isConferenceRoute(route)
    ? conferenceHref(route)
    : route.page === 'case'
      ? `#/cases/${route.id}`
      : route.page === 'viewer'
        ? `#/cases/${route.id}/viewer`
        : route.page === 'library'
          ? '#/library'
          : route.page === 'archive'
            ? route.caseId === null
              ? '#/archive'
              : `#/cases/${route.caseId}/archive`
            : route.page === 'archiveSettings'
              ? '#/archive/settings'
              : '#/cases';

export function navigate(route: Route): void {
  window.location.hash = routeHref(route);
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = (): void => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
