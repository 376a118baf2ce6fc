import { useId } from 'preact/hooks';
import type { MythView } from '../lib/myth-view';
import { useT } from './i18n';
import { MythDetails } from './MythDetails';

/** Every myth, grouped by category, each one expandable: the popup's empty state. */
export function BrowseMyths({ myths }: { myths: MythView[] }) {
  const t = useT();
  const id = useId();
  return (
    <section class="browse" aria-labelledby={`${id}-title`}>
      {/* A label, not a heading: the categories below are the h3s, so each myth's details can be h4. */}
      <p id={`${id}-title`} class="popup-subheading">
        {t('browseTitle')}
      </p>
      {groupByCategory(myths).map((group) => (
        <div key={group.category} class="browse-group">
          <h3 class="browse-category">{group.label}</h3>
          <ul class="myth-list">
            {group.myths.map((myth) => (
              <li key={myth.id} class="myth-item">
                <details>
                  <summary>{t('quoted', [myth.claim])}</summary>
                  <MythDetails myth={myth} headingLevel={4} />
                </details>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
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
