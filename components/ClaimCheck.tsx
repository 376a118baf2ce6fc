import { useEffect, useId, useMemo, useRef, useState } from 'preact/hooks';
import { MAX_SEARCH_CHARS, type LookupMatch, type LookupResult } from '../lib/lookup';
import type { MythView } from '../lib/pack/myth-view';
import { BrowseMyths } from './BrowseMyths';
import { useT } from './i18n';
import { MythDetails } from './MythDetails';

export interface ClaimCheckProps {
  lookup: (query: string) => LookupResult;
  myths: MythView[];
  initialQuery?: string;
}

/** "Check a claim": a text field whose matching myths update as the person types. */
export function ClaimCheck({ lookup, myths, initialQuery = '' }: ClaimCheckProps) {
  const t = useT();
  const id = useId();
  const fieldRef = useRef<HTMLTextAreaElement>(null);
  const [query, setQuery] = useState(initialQuery);
  const result = useDeferredLookup(lookup, query);
  const byId = useMemo(() => new Map(myths.map((m) => [m.id, m])), [myths]);

  // The popup opens to type a claim; `autofocus` alone is unreliable for content rendered by script.
  useEffect(() => fieldRef.current?.focus(), []);

  return (
    <section class="popup-section" aria-labelledby={`${id}-label`}>
      <h2 class="popup-heading">
        <label id={`${id}-label`} for={`${id}-field`}>
          {t('checkClaimLabel')}
        </label>
      </h2>
      <textarea
        id={`${id}-field`}
        ref={fieldRef}
        class="claim-field"
        rows={2}
        value={query}
        aria-describedby={`${id}-hint`}
        onInput={(e) => setQuery(e.currentTarget.value)}
      />
      <p id={`${id}-hint`} class="popup-hint">
        {t('checkClaimHint')}
      </p>
      <p role="status" class="popup-status">
        {statusText(t, result)}
      </p>
      {result?.kind === 'results' && (
        <>
          {result.refutes && <p class="ml-positive">{t('lookupRefutesNote')}</p>}
          <ol class="myth-list" aria-label={t('lookupResultsLabel')}>
            {result.results.map((r) => {
              const myth = byId.get(r.mythId);
              return myth ? <ResultItem key={r.mythId} match={r} myth={myth} /> : null;
            })}
          </ol>
        </>
      )}
      {(result?.kind === 'empty' || result?.kind === 'none') && <BrowseMyths myths={myths} />}
    </section>
  );
}

function ResultItem({ match, myth }: { match: LookupMatch; myth: MythView }) {
  const t = useT();
  const badge =
    match.stance === 'asserts'
      ? t('lookupBadgeRepeats')
      : match.stance === 'refutes'
        ? t('lookupBadgeDebunks')
        : null;
  return (
    <li class="myth-item" data-myth-id={myth.id}>
      <details>
        <summary>
          <span class="myth-item-meta">
            {myth.categoryLabel}
            {badge && <span class={`badge badge-${match.stance}`}>{badge}</span>}
          </span>
          <span class="myth-item-verdict">{myth.verdict}</span>
        </summary>
        <MythDetails myth={myth} headingLevel={3} showVerdict={false} />
      </details>
    </li>
  );
}

/**
 * The lookup for `query`, or null while a long paste waits its turn. Short
 * text is looked up during render (well under a frame); text past the
 * retrieval limit is deferred to a timer that the next keystroke cancels, so
 * typing into a big paste never waits on the detector.
 */
function useDeferredLookup(
  lookup: (query: string) => LookupResult,
  query: string,
): LookupResult | null {
  const immediate = useMemo(
    () => (query.length <= MAX_SEARCH_CHARS ? lookup(query) : null),
    [lookup, query],
  );
  const [deferred, setDeferred] = useState<{ query: string; result: LookupResult } | null>(null);
  useEffect(() => {
    if (immediate) return;
    const timer = setTimeout(() => setDeferred({ query, result: lookup(query) }), 0);
    return () => clearTimeout(timer);
  }, [immediate, lookup, query]);
  return immediate ?? (deferred?.query === query ? deferred.result : null);
}

function statusText(t: (key: string, subs?: string[]) => string, result: LookupResult | null) {
  if (result === null) return t('lookupPending');
  if (result.kind === 'empty') return '';
  if (result.kind === 'none') return t('lookupNone');
  const n = result.results.length;
  return n === 1 ? t('lookupCountOne') : t('lookupCountMany', [String(n)]);
}
