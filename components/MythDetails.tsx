import type { MythView, SourceView } from '../lib/pack/myth-view';
import { strongestFirst } from '../lib/pack/source-strength';
import { useT } from './i18n';

export interface MythDetailsProps {
  myth: MythView;
  /** Level of this block's headings, one below whatever heads the surrounding section. */
  headingLevel?: 2 | 3 | 4;
  /**
   * False where the claim or the verdict is already on screen right above (the
   * summary of a popup list item), so an opened item does not say it twice in a row.
   */
  showClaim?: boolean;
  showVerdict?: boolean;
}

/**
 * One myth explained: what people say, the verdict, the correction, what to
 * say instead, and the sources, strongest first, each with its kind and
 * strength in plain words (issue 14). Shared by the popup and the in-page
 * card. Pack text is rendered only as text nodes, never as markup.
 */
export function MythDetails({
  myth,
  headingLevel = 3,
  showClaim = true,
  showVerdict = true,
}: MythDetailsProps) {
  const t = useT();
  const Heading = `h${headingLevel}` as 'h2' | 'h3' | 'h4';
  return (
    <div class="ml-details">
      {showClaim && (
        <>
          <Heading class="ml-details-heading">{t('detailsClaimHeading')}</Heading>
          <p class="ml-claim">{t('quoted', [myth.claim])}</p>
        </>
      )}
      <Heading class="ml-details-heading">{t('detailsEvidenceHeading')}</Heading>
      {showVerdict && <p class="ml-verdict">{myth.verdict}</p>}
      <p class="ml-correction">{myth.correction}</p>
      <Heading class="ml-details-heading">{t('detailsSayInsteadHeading')}</Heading>
      <p class="ml-say-instead">{myth.sayInstead}</p>
      {myth.sources.length > 0 && (
        <>
          <Heading class="ml-details-heading">{t('detailsSourcesHeading')}</Heading>
          <ul class="ml-sources">
            {strongestFirst(myth.sources).map((s) => (
              <li key={s.key} data-strength={s.strength}>
                <SourceLink label={s.label} title={s.title} url={s.url} />
                <SourceStrength source={s} />
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

function SourceLink({ label, title, url }: { label: string; title: string; url: string }) {
  const t = useT();
  const text = t('sourceLinkText', [label, title]);
  // The pack is validated to https, but a MythView can cross a message
  // boundary; a link is only made from a URL that is still plainly https.
  if (!/^https:\/\//i.test(url)) return <span>{text}</span>;
  return (
    <a href={url} target="_blank" rel="noopener noreferrer">
      {text}
      <span class="ml-visually-hidden"> {t('opensInNewTab')}</span>
    </a>
  );
}

/**
 * "meta-analysis of randomised trials · strong evidence" on screen; a screen
 * reader hears each part named ("Kind of source: …, Strength: …") and not the
 * dot between them.
 */
function SourceStrength({ source }: { source: SourceView }) {
  const t = useT();
  return (
    <span class="ml-source-strength">
      <span class="ml-visually-hidden">{t('sourceKindLabel')} </span>
      {source.kindText}
      <span aria-hidden="true"> · </span>
      <span class="ml-visually-hidden">, {t('sourceStrengthLabel')} </span>
      <span class="ml-strength">{source.strengthText}</span>
    </span>
  );
}
