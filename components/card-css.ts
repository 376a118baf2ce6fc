/**
 * Styles for the in-page card, as a string the content script puts in a
 * `<style>` inside the shadow root. Page stylesheets cannot cross the shadow
 * boundary, but inherited properties (font, colour, line height, letter
 * spacing…) can, so the card starts from `all: initial` and sets its own.
 * Sizes are px, never rem: rem follows the page's root font size, which a
 * page may set to anything.
 */
export const cardCss = `
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
  background: #ffffff;
  color: #1f2328;
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
.ml-brand { margin: 0; font-size: 12px; font-weight: 600; letter-spacing: 0.4px; color: #57606a; }
.ml-card-title { margin: 4px 0 8px; font-size: 17px; font-weight: 700; line-height: 1.3; }
/* Focused on open so a screen reader starts here; it is not a control, so no ring. */
.ml-card-title:focus { outline: none; }
.ml-positive {
  margin: 0 0 10px; padding: 8px 10px; border-radius: 6px;
  background: #e6f4ea; color: #14532d; font-weight: 600;
}
.ml-details-heading { margin: 12px 0 4px; font-size: 12px; font-weight: 700; letter-spacing: 0.3px; color: #57606a; text-transform: uppercase; }
.ml-details p { margin: 0 0 6px; }
.ml-claim { font-style: italic; }
.ml-verdict { font-size: 15px; font-weight: 700; padding-left: 8px; border-left: 3px solid #0b57d0; }
.ml-sources { margin: 0; padding-left: 18px; font-size: 13px; }
.ml-sources li { margin: 0 0 4px; }
/* Kind and strength under each source link (issue 14); muted like the headings. */
.ml-source-strength { display: block; font-size: 12px; color: #57606a; }
.ml-strength { font-weight: 600; }
.ml-card a { color: #0b57d0; text-decoration: underline; }
.ml-card button {
  font: inherit; font-size: 13px; color: inherit; cursor: pointer;
  padding: 6px 10px; border-radius: 6px; border: 1px solid #8c959f; background: #f6f8fa;
}
.ml-card button:hover { background: #eaeef2; }
.ml-card a:focus-visible, .ml-card button:focus-visible { outline: 2px solid #0b57d0; outline-offset: 2px; }
.ml-card .ml-close { border: none; background: transparent; font-size: 20px; line-height: 1; padding: 2px 8px; }
.ml-card-actions { display: flex; flex-wrap: wrap; gap: 8px; margin-top: 14px; padding-top: 12px; border-top: 1px solid #d8dee4; }
.ml-hint { margin: 0; width: 100%; font-size: 12px; color: #57606a; }
.ml-visually-hidden {
  position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; border: 0;
  overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap;
}
@media (prefers-color-scheme: dark) {
  .ml-card { background: #1e1f22; color: #e8e8ea; border-color: #45474c; box-shadow: 0 8px 24px rgba(0, 0, 0, 0.5); }
  .ml-brand, .ml-details-heading, .ml-hint, .ml-source-strength { color: #b0b3b8; }
  .ml-positive { background: #123524; color: #b7f0c8; }
  .ml-verdict { border-left-color: #8ab4f8; }
  .ml-card a { color: #8ab4f8; }
  .ml-card button { background: #2b2d31; border-color: #6e7681; }
  .ml-card button:hover { background: #363840; }
  .ml-card a:focus-visible, .ml-card button:focus-visible { outline-color: #8ab4f8; }
  .ml-card-actions { border-top-color: #45474c; }
}
@media (prefers-reduced-motion: reduce) {
  .ml-card, .ml-card * { animation: none !important; transition: none !important; }
}
`;
