import type { MythView } from '../lib/pack/myth-view';
import { useT } from './i18n';
import { MythDetails } from './MythDetails';

/**
 * Every myth, grouped by category, each one expandable: the popup's empty
 * state. Offered closed: open, its thirty-odd items would push "On this page"
 * and the site switches below the fold of a 600px popup.
 */
export function BrowseMyths({ myths }: { myths: MythView[] }) {
  const t = useT();
  return (
    <details class="browse">
      {/* The summary labels the list; the categories inside are the h3s, so each myth's details can be h4. */}
      <summary class="popup-subheading">{t('browseTitle')}</summary>
      {groupByCategory(myths).map((group) => (
        <div key={group.category} class="browse-group">
          <h3 class="browse-category">{group.label}</h3>
          <ul class="myth-list">
            {group.myths.map((myth) => (
              <li key={myth.id} class="myth-item">
                <details>
                  <summary>{t('quoted', [myth.claim])}</summary>
                  <MythDetails myth={myth} headingLevel={4} showClaim={false} />
                </details>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </details>
  );
}

/** Groups in the order categories first appear, which is the pack's order. */
function groupByCategory(myths: MythView[]) {
  const groups = new Map<string, { category: string; label: string; myths: MythView[] }>();
  for (const myth of myths) {
    const group = groups.get(myth.category) ?? {
      category: myth.category,
      label: myth.categoryLabel,
      myths: [],
    };
    group.myths.push(myth);
    groups.set(myth.category, group);
  }
  return [...groups.values()];
}
