import { createContext, useContext, useEffect } from 'react';
import type { RecordKind } from '../../shared/schemas/record';
import type { Place } from './sections';
import { useLatest } from './lib/useLatest';

/** What a screen is asked to do when it comes forward. */
export type ScreenRequest =
  /** Show this record in the screen's panel. */
  | { type: 'open'; id: number }
  /** Start a new record, optionally linked to another one (a deal for a company, say). */
  | { type: 'new'; linkedTo?: { kind: RecordKind; id: number } }
  /** Put the cursor in the screen's search box. */
  | { type: 'search' }
  /** List only the records carrying this tag (an import's "Imported 2026-12-06"), nothing else narrowing it. */
  | { type: 'tagged'; tagName: string }
  /** List only the people a saved segment matches ("Show in Contacts"), nothing else narrowing it. */
  | { type: 'segment'; segmentId: number }
  /** Settings: show this part of it (Settings › Email from a campaign that cannot send yet). */
  | { type: 'settingsPart'; part: 'email' | 'leadSources' }
  /** Open Export… for the list as shown (the palette's "Export this list…", File › Export List…). */
  | { type: 'export' };

export interface PendingRequest {
  place: Place;
  request: ScreenRequest;
  /** Tells two identical requests apart. */
  seq: number;
}

export interface Navigation {
  /** The screen the main area shows. */
  current: Place;
  /** Brings a screen forward, with something for it to do once it is there; asks first about unsaved changes. */
  go: (place: Place, request?: ScreenRequest) => Promise<void>;
  pending: PendingRequest | null;
  /** Marks a request as carried out, so coming back to the screen does not repeat it. */
  done: (seq: number) => void;
}

export const NavigationContext = createContext<Navigation | null>(null);

export function useNavigation(): Navigation {
  const navigation = useContext(NavigationContext);
  if (!navigation) throw new Error('useNavigation needs the main window around it.');
  return navigation;
}

/** The screen where each kind of record is opened; an activity opens with the record it belongs to. */
export const placeOfKind: Record<Exclude<RecordKind, 'activity'>, Place> = {
  contact: 'contacts',
  company: 'companies',
  deal: 'deals',
};

/** The list "Export this list…" means: the one on screen, else Contacts. */
export const listPlace = (current: Place): Place =>
  current === 'companies' || current === 'deals' ? current : 'contacts';

/**
 * Carries out, once, each request made to `place`. A request that arrives
 * while a dialog has the user's attention (the app behind it is inert) is dropped.
 */
export function useScreenRequest(place: Place, handle: (request: ScreenRequest) => void): void {
  const { pending, done } = useNavigation();
  const handleRef = useLatest(handle);
  useEffect(() => {
    if (!pending || pending.place !== place) return;
    done(pending.seq);
    if (document.getElementById('root')?.hasAttribute('inert')) return;
    handleRef.current(pending.request);
  }, [pending, place, done, handleRef]);
}
