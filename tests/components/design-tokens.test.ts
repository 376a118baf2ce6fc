import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cardCss } from '../../components/card-css';
import { designTokenCss, designTokens, type DesignToken } from '../../components/design-tokens';

/** WCAG 2.x contrast ratio of two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => {
      const c = parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

/** Text colour and the backgrounds it is drawn on, as the stylesheets pair them. */
const TEXT_ON: [DesignToken, DesignToken[]][] = [
  ['fg', ['bg', 'surface', 'hover']],
  ['muted', ['bg', 'surface', 'hover']],
  ['accent', ['bg', 'surface', 'hover']],
  ['error', ['bg', 'surface']],
  ['positive-fg', ['positive-bg']],
  ['badge-fg', ['badge-bg']],
];

const css = (name: string) =>
  readFileSync(join(import.meta.dirname, '..', '..', 'components', name), 'utf8');
/** Every stylesheet of the three surfaces, the card's as the content script gets it. */
const SHEETS: [string, string][] = [
  ...['page.css', 'popup.css', 'options.css', 'switch.css'].map((n): [string, string] => [
    n,
    css(n),
  ]),
  ['card-css.ts', cardCss],
];

describe('design tokens', () => {
  for (const [text, backgrounds] of TEXT_ON) {
    for (const background of backgrounds) {
      it(`--${text} on --${background} meets 4.5:1 in both schemes`, () => {
        for (const scheme of [0, 1] as const) {
          const ratio = contrast(designTokens[text][scheme], designTokens[background][scheme]);
          expect(ratio, scheme === 0 ? 'light' : 'dark').toBeGreaterThanOrEqual(4.5);
        }
      });
    }
  }

  it('defines every token on the scope, light and dark', () => {
    const out = designTokenCss('.here');
    const [light, dark] = out.split('@media (prefers-color-scheme: dark)');
    for (const [name, [l, d]] of Object.entries(designTokens)) {
      expect(light).toContain(`--${name}: ${l};`);
      expect(dark).toContain(`--${name}: ${d};`);
    }
    expect(dark).toContain('.here {');
  });

  it('is the only place the surfaces get their colour variables from', () => {
    const known = new Set(Object.keys(designTokens));
    for (const [name, sheet] of SHEETS) {
      const used = [...sheet.matchAll(/var\(--([\w-]+)/g)].map((m) => m[1]!);
      expect(used.length, name).toBeGreaterThan(0);
      expect(
        used.filter((v) => !known.has(v)),
        name,
      ).toEqual([]);
      // Only design-tokens.ts sets them: a page or card redefining one would fork the palette.
      const defined = [...sheet.replace(designTokenCss('.ml-card'), '').matchAll(/--([\w-]+):/g)];
      expect(
        defined.map((m) => m[1]),
        name,
      ).toEqual([]);
    }
  });

  it('reach the card inside its shadow root, on the card itself', () => {
    expect(cardCss).toContain(designTokenCss('.ml-card'));
  });
});
