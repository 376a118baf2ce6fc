import { readdirSync, readFileSync } from 'node:fs';
import { t } from '../../helpers/t';
import { kindText, strengthText, strongestFirst } from '../../../lib/pack/source-strength';
import { FIXTURES_DIR, REPO_ROOT } from './config';

const MYTHS_DIR = `${REPO_ROOT}content/myths/`;

/** What a fixture page must show, stored beside it as <name>.expected.json. */
export interface Expected {
  asserted: { mythId: string; text: string; in: string }[];
  refuted: { mythId: string; text: string; in: string }[];
}

/** The expectation stored beside tests/fixtures/e2e/<fixture>.html. */
export function expected(fixture: string): Expected {
  return JSON.parse(readFileSync(`${FIXTURES_DIR}e2e/${fixture}.expected.json`, 'utf8'));
}

/** The fields of a myth's pack entry that the UI shows. */
export interface PackMyth {
  claim: string;
  verdict: string;
  sources: string[];
}

/** A myth's pack entry, found by id in whichever category folder holds it. */
export function packMyth(mythId: string): PackMyth {
  for (const category of readdirSync(MYTHS_DIR)) {
    try {
      return JSON.parse(readFileSync(`${MYTHS_DIR}${category}/${mythId}.json`, 'utf8'));
    } catch {
      // not in this category
    }
  }
  throw new Error(`No myth ${mythId} under ${MYTHS_DIR}`);
}

/** The pack's categories in their display order. */
export const packCategories = JSON.parse(
  readFileSync(`${REPO_ROOT}content/categories.json`, 'utf8'),
) as { id: string; label: string }[];

interface BibliographyEntry {
  url: string;
  kind: string;
  strength: string;
}

const bibliography = JSON.parse(
  readFileSync(`${REPO_ROOT}content/bibliography.json`, 'utf8'),
) as Record<string, BibliographyEntry>;

/**
 * What the card and the popup must show under a myth's "Sources", read from
 * the pack files rather than the bundle: each source's link, its kind and
 * strength on screen, and the same as a screen reader reads it, strongest first.
 */
export function expectedSources(mythId: string) {
  const entries = packMyth(mythId).sources.map((key) => bibliography[key]!);
  return strongestFirst(entries).map((s) => ({
    href: s.url,
    shown: `${kindText(s.kind)} · ${strengthText(s.strength)}`,
    spoken: `${t('sourceKindLabel')} ${kindText(s.kind)}, ${t('sourceStrengthLabel')} ${strengthText(s.strength)}`,
  }));
}
