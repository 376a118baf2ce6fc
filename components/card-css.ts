import { designTokenCss } from './design-tokens';

/**
 * Styles for the in-page card, as a string the content script puts in a
 * `<style>` inside the shadow root. Page stylesheets cannot cross the shadow
 * boundary, but inherited properties (font, colour, line height, letter
 * spacing…) can, so the card starts from `all: initial` and sets its own.
 * Sizes are px, never rem: rem follows the page's root font size, which a
 * page may set to anything. Colours come from the shared design tokens,
 * set on the card itself; only the card's frame, shadow and button outline
 * are its own: a shade darker in the light scheme, to stand out on any page.
 */
export const cardCss = `${designTokenCss('.ml-card')}
.ml-card {
  all: initial;
  display: block;
  box-sizing: border-box;
  width: 360px;
  max-width: calc(100vw - 16px);
  max-height: min(520px, calc(100vh - 16px));
  overflow: auto;
  padding: 14px 16px 16px;
  border: 1px solid #c8ccd1;
  border-radius: 10px;
  background: var(--bg);
  color: var(--fg);
  font-family: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif;
  font-size: 14px;
  line-height: 1.45;
  text-align: start;
  box-shadow: 0 8px 24px rgba(0, 0, 0, 0.18);
  z-index: 2147483647;
  animation: ml-card-in 120ms ease-out;
}
.ml-card *, .ml-card *::before, .ml-card *::after { box-sizing: border-box; }
@keyframes ml-card-in {
  from { opacity: 0; transform: translateY(4px); }
}
.ml-card-header { display: flex; align-items: center; justify-content: space-between; gap: 8px; }
.ml-brand { margin: 0; font-size: 12px; font-weight: 600; letter-spacing: 0.4px; color: var(--muted); }
.ml-card-title { margin: 4px 0 8px; font-size: 17px; font-weight: 700; line-height: 1.3; }
/* Focused on open so a screen reader starts here; it is not a control, so no ring. */
.ml-card-title:focus { outline: none; }
.ml-positive {
  margin: 0 0 10px; padding: 8px 10px; border-radius: 6px;
  background: var(--positive-bg); color: var(--positive-fg); font-weight: 600;
}
.ml-details-heading { margin: 12px 0 4px; font-size: 12px; font-weight: 700; letter-spacing: 0.3px; color: var(--muted); text-transform: uppercase; }
.ml-details p { margin: 0 0 6px; }
.ml-claim { font-style: italic; }
.ml-verdict { font-size: 15px; font-weight: 700; padding-left: 8px; border-left: 3px solid var(--accent); }
.ml-sources { margin: 0; padding-left: 18px; font-size: 13px; }
.ml-sources li { margin: 0 0 4px; }
/* Kind and strength under each source link (issue 14); muted like the headings. */
.ml-source-strength { display: block; font-size: 12px; color: var(--muted); }
.ml-strength { font-weight: 600; }
.ml-card a { color: var(--accent); text-decoration: underline; }
.ml-card button {
  font: inherit; font-size: 13px; color: inherit; cursor: pointer;
  padding: 6px 10px; border-radius: 6px; border: 1px solid #8c959f; background: var(--surface);
}
.ml-card button:hover { background: var(--hover); }
.ml-card a:focus-visible, .ml-card button:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
.ml-card .ml-close { border: none; background: transparent; font-size: 20px; line-height: 1; padding: 2px 8px; }
.ml-card-actions { display: flex; flex-wrap: wrap; gap: 8px; margin-top: 14px; padding-top: 12px; border-top: 1px solid #d8dee4; }
.ml-hint { margin: 0; width: 100%; font-size: 12px; color: var(--muted); }
.ml-visually-hidden {
  position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; border: 0;
  overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap;
}
@media (prefers-color-scheme: dark) {
  .ml-card { border-color: var(--border); box-shadow: 0 8px 24px rgba(0, 0, 0, 0.5); }
  .ml-card button { border-color: #6e7681; }
  .ml-card-actions { border-top-color: var(--border); }
}
@media (prefers-reduced-motion: reduce) {
  .ml-card, .ml-card * { animation: none !important; transition: none !important; }
}
`;
