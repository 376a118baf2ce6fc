import { useId } from 'preact/hooks';
import { useT } from './i18n';
import { LabelledSection } from './LabelledSection';
import type { SettingsEditorProps } from './settings-editor';

export interface OptionsCategory {
  id: string;
  label: string;
  description: string;
  myths: { id: string; claim: string }[];
}

export interface CategorySettingsProps extends SettingsEditorProps {
  categories: OptionsCategory[];
}

/** One switch per category; inside each, a checkbox per myth to switch off just that one. */
export function CategorySettings({ settings, categories, onChange }: CategorySettingsProps) {
  const t = useT();
  return (
    <LabelledSection title={t('categoriesTitle')} class="options-section">
      <p class="options-hint">{t('categoriesHint')}</p>
      <ul class="category-list">
        {categories.map((c) => (
          <CategoryItem key={c.id} category={c} settings={settings} onChange={onChange} />
        ))}
      </ul>
    </LabelledSection>
  );
}

function CategoryItem({
  category,
  settings,
  onChange,
}: SettingsEditorProps & { category: OptionsCategory }) {
  const t = useT();
  const id = useId();
  const on = settings.categories[category.id] !== false;
  const off = new Set(settings.disabledMyths);
  const count = category.myths.length;

  const setMyth = (mythId: string, enabled: boolean) => {
    const rest = settings.disabledMyths.filter((m) => m !== mythId);
    onChange({ ...settings, disabledMyths: enabled ? rest : [...rest, mythId] });
  };

  return (
    <li class="category">
      <div class="switch">
        <input
          type="checkbox"
          role="switch"
          id={`${id}-switch`}
          data-category={category.id}
          checked={on}
          aria-describedby={`${id}-description`}
          onChange={(e) =>
            onChange({
              ...settings,
              categories: { ...settings.categories, [category.id]: e.currentTarget.checked },
            })
          }
        />
        <label for={`${id}-switch`} class="category-label">
          {category.label}
        </label>
      </div>
      <p id={`${id}-description`} class="options-hint">
        {category.description}{' '}
        {count === 1 ? t('categoryMythCountOne') : t('categoryMythCountMany', [String(count)])}
      </p>
      <details class="category-myths">
        <summary>{t('categoryChooseMyths', [category.label])}</summary>
        {!on && <p class="options-hint">{t('categoryOffNote')}</p>}
        <ul class="myth-checks">
          {category.myths.map((m) => (
            <li key={m.id}>
              <label>
                <input
                  type="checkbox"
                  data-myth-id={m.id}
                  checked={!off.has(m.id)}
                  disabled={!on}
                  onChange={(e) => setMyth(m.id, e.currentTarget.checked)}
                />
                {m.claim}
              </label>
            </li>
          ))}
        </ul>
      </details>
    </li>
  );
}
