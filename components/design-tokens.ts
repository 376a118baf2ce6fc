/**
 * The colours of every Myth Lens surface, defined once: the popup, the
 * options page and the in-page card all read them as `var(--name)`. Each
 * entry is [light, dark]. Text colours meet WCAG AA (4.5:1) on the
 * backgrounds they are used on, in both schemes (tests/components/design-tokens.test.ts).
 */
export const designTokens = {
  fg: ['#1f2328', '#e8e8ea'],
  muted: ['#57606a', '#b0b3b8'],
  bg: ['#ffffff', '#1e1f22'],
  surface: ['#f6f8fa', '#2b2d31'],
  // Not --border under hovered rows: muted text on #d0d7de is 4.4:1, under AA; on this it is 5.5:1.
  hover: ['#eaeef2', '#3a3c41'],
  border: ['#d0d7de', '#45474c'],
  // The outline of text fields and buttons on extension pages.
  'control-border': ['#6e7781', '#6e7781'],
  accent: ['#0b57d0', '#8ab4f8'],
  'switch-off': ['#6e7781', '#8b949e'],
  // A white knob on the light dark-mode accent is 2:1; the page colour is 7.8:1.
  'knob-on': ['#ffffff', '#1e1f22'],
  'positive-bg': ['#e6f4ea', '#123524'],
  'positive-fg': ['#14532d', '#b7f0c8'],
  'badge-bg': ['#fff1e5', '#3d2410'],
  'badge-fg': ['#7a3100', '#ffd2ad'],
  error: ['#b3261e', '#ffb4ab'],
} as const satisfies Record<string, readonly [light: string, dark: string]>;

export type DesignToken = keyof typeof designTokens;

function declarations(scheme: 0 | 1): string {
  return Object.entries(designTokens)
    .map(([name, colours]) => `  --${name}: ${colours[scheme]};`)
    .join('\n');
}

/**
 * The tokens as CSS custom properties on `scope`, light first and dark under
 * `prefers-color-scheme`. Extension pages put them on `:root`; the card puts
 * them on its own element inside the shadow root, where no page rule can
 * reach them (a page rule on the shadow host would beat one on `:host`).
 */
export function designTokenCss(scope: string): string {
  return `${scope} {
${declarations(0)}
}
@media (prefers-color-scheme: dark) {
  ${scope} {
${declarations(1)}
  }
}
`;
}
