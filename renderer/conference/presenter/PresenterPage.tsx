import { Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Presentation } from '../../../shared/contract/conference-schemas.ts';
import { buildDeck } from '../../../shared/conference/deck.ts';
import type { Slide } from '../../../shared/conference/deck.ts';
import { api } from '../../api.ts';
import { navigate } from '../../app/route.ts';
import { LazyViewerPage, warmViewerLazily } from '../../viewer/lazy/lazy-viewer.ts';
import { DecisionDialog } from '../decision/DecisionDialog.tsx';
import { enterFullScreen, leaveFullScreen } from './full-screen.ts';
import { KeyImageSlide } from './KeyImageSlide.tsx';
import { SummarySlide } from './SummarySlide.tsx';
import { TitleSlide } from './TitleSlide.tsx';
import { useClickerKeys } from './use-clicker-keys.ts';
import { useSlideNavigation } from './use-slide-navigation.ts';

const HIDE_IDS_KEY = 'scr.conference.hideIdentifiers';

function slideLabel(slide: Slide | undefined, p: Presentation): string {
  if (!slide || slide.kind === 'title') return 'Agenda';
  const n = `Case ${slide.item + 1} of ${p.items.length}`;
  if (slide.kind === 'summary') return `${n} · summary`;
  if (slide.kind === 'viewer') return `${n} · images`;
  return `${n} · key image ${slide.index + 1} of ${p.items[slide.item]?.keyImages.length ?? 0}`;
}

/** Presenter mode: full screen on the projector, driven by a clicker. */
export function PresenterPage({ conferenceId }: { conferenceId: number }) {
  const [presentation, setPresentation] = useState<Presentation | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [hideIds, setHideIds] = useState(() => localStorage.getItem(HIDE_IDS_KEY) === '1');
  const [deciding, setDeciding] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  // The viewer is its own chunk: fetch it and start its decoders while the title slide shows.
  useEffect(() => warmViewerLazily(), []);

  const load = useCallback(async () => {
    const r = await api['conference.presentation']({ conferenceId });
    if (r.ok) setPresentation(r.value);
    else setError(r.error.message);
  }, [conferenceId]);
  useEffect(() => {
    void load();
  }, [load]);
  useEffect(() => localStorage.setItem(HIDE_IDS_KEY, hideIds ? '1' : '0'), [hideIds]);

  // Full screen once, on arrival (the click on "Start presenter mode" is the user gesture it needs).
  const wasFull = useRef(false);
  useEffect(() => {
    if (root.current) void enterFullScreen(root.current).then((on) => (wasFull.current = on));
    return () => void leaveFullScreen();
  }, []);
  const leave = useCallback(() => navigate({ page: 'conference', id: conferenceId }), [conferenceId]);
  // The browser's own Esc ends full screen without a key event reaching the page: leave with it.
  useEffect(() => {
    const onChange = (): void => {
      if (wasFull.current && !document.fullscreenElement) leave();
    };
    document.addEventListener('fullscreenchange', onChange);
    return () => document.removeEventListener('fullscreenchange', onChange);
  }, [leave]);

  const items = presentation?.items ?? [];
  const deck = useMemo(() => buildDeck(items.map((i) => ({ keyImageCount: i.keyImages.length }))), [items]);
  const nav = useSlideNavigation(deck, items.length);
  const slide = deck[nav.index];
  const item = slide && slide.kind !== 'title' ? items[slide.item] : undefined;

  useClickerKeys(
    (cmd) => {
      if (nav.run(cmd)) leave();
    },
    (key) => {
      if ((key === 'd' || key === 'D') && item) {
        setDeciding(true);
        return true;
      }
      return false;
    },
    !deciding,
  );

  if (error)
    return (
      <div className="presenter" ref={root}>
        <p role="alert" className="slide-note">
          {error}
        </p>
      </div>
    );
  return (
    <div className="presenter" ref={root} aria-label="Presenter mode">
      <header className="presenter-bar">
        <span className="presenter-conference">{presentation?.conference.title ?? 'Loading…'}</span>
        <span className="presenter-position" aria-live="polite" data-testid="slide-position">
          {presentation ? slideLabel(slide, presentation) : ''}
        </span>
        <span className="spacer" />
        <button type="button" aria-pressed={hideIds} onClick={() => setHideIds((h) => !h)}>
          {hideIds ? 'Identifiers hidden' : 'Hide identifiers'}
        </button>
        <button type="button" disabled={!item} onClick={() => setDeciding(true)}>
          Decision (D)
        </button>
        <button type="button" onClick={leave}>
          Leave (Esc)
        </button>
      </header>
      <main className="presenter-stage">
        {presentation && slide?.kind === 'title' && <TitleSlide presentation={presentation} />}
        {item && slide?.kind === 'summary' && (
          <SummarySlide item={item} number={slide.item + 1} hideIdentifiers={hideIds} />
        )}
        {item && slide?.kind === 'keyImage' && item.keyImages[slide.index] && (
          <KeyImageSlide
            keyImage={item.keyImages[slide.index]!}
            index={slide.index}
            count={item.keyImages.length}
            caseTitle={item.title}
          />
        )}
        {item && slide?.kind === 'viewer' && (
          <div className="slide viewer-slide">
            <Suspense fallback={null}>
              <LazyViewerPage
                key={`${item.caseId}-${hideIds}`}
                caseId={item.caseId}
                presentation
                hidePatient={hideIds}
              />
            </Suspense>
          </div>
        )}
      </main>
      {nav.blank && <div className="presenter-blank" role="status" aria-label="Screen blanked" />}
      {deciding && item && presentation && (
        <DecisionDialog
          conferenceId={conferenceId}
          item={item}
          attendees={presentation.attendees}
          onClose={() => setDeciding(false)}
          onSaved={() => {
            setDeciding(false);
            void load();
          }}
        />
      )}
    </div>
  );
}
