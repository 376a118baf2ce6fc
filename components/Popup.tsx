import type { LookupResult } from '../lib/lookup';
import type { MythView } from '../lib/pack/myth-view';
import { ClaimCheck } from './ClaimCheck';
import { HelpLinks } from './HelpLinks';
import { useT } from './i18n';
import { PageFindings, type PopupPage } from './PageFindings';
import { QuickControls } from './QuickControls';
import './popup.css';

export type { PopupPage } from './PageFindings';

export interface PopupProps {
  /** From `createLookup(pack)` in lib/lookup. */
  lookup: (query: string) => LookupResult;
  /** Every myth in the pack: the browse list, and the text for results and findings. */
  myths: MythView[];
  page: PopupPage;
  /** The site switch as just set, before the page has applied it; else the page's status decides. */
  sitePaused?: boolean;
  /** Whether highlights are shown on this tab; on unless the person hid them. */
  highlightsVisible?: boolean;
  /** Text to check on open, e.g. from the "Check with Myth Lens" context menu. */
  initialQuery?: string;
  onFocusFinding(key: number): void;
  onPauseSite(paused: boolean): void;
  /** Why the site could not be paused or resumed; the switch shows the stored state again. */
  pauseError?: string;
  onToggleHighlights(visible: boolean): void;
  onOpenSettings(): void;
}

/** The toolbar popup: check a claim, see this page's findings, quick switches, help links. */
export function Popup(props: PopupProps) {
  const t = useT();
  return (
    <main class="popup" aria-labelledby="popup-title">
      <h1 id="popup-title" class="popup-title">
        {t('extName')}
      </h1>
      <ClaimCheck lookup={props.lookup} myths={props.myths} initialQuery={props.initialQuery} />
      <PageFindings page={props.page} myths={props.myths} onFocusFinding={props.onFocusFinding} />
      <QuickControls
        paused={props.sitePaused ?? props.page.status === 'paused'}
        highlightsVisible={props.highlightsVisible ?? true}
        unavailable={props.page.status === 'unavailable'}
        onPauseSite={props.onPauseSite}
        onToggleHighlights={props.onToggleHighlights}
        onOpenSettings={props.onOpenSettings}
      />
      {props.pauseError && (
        <p class="field-error" role="alert">
          {props.pauseError}
        </p>
      )}
      <HelpLinks />
    </main>
  );
}
