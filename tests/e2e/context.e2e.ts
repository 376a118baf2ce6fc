import { describe, expect, it } from 'vitest';
import { BROWSERS } from './harness';
import { highlightsSettle } from './harness/highlights';
import { useBrowser, useFixtureTabs } from './harness/session';

/**
 * Detector 2 in a real browser: a sentence is judged in its page. On a
 * myth/fact list and a quiz, where every myth is stated to be knocked down,
 * nothing is highlighted; on a forum thread, only sentences that assert a
 * myth are, never a reply that refutes one. The pages are written for the
 * project in the formats of real myth-busting pages.
 */

/** A myth added to the page as a reader's comment: seeing it alone proves the rest is clean. */
const SENTINEL = 'Depression is just a phase teenagers go through.';

for (const name of BROWSERS) {
  describe(name, () => {
    const h = useBrowser(name);
    const open = useFixtureTabs(h);

    for (const page of ['e2e/myth-fact-list.html', 'e2e/quiz.html']) {
      it(`highlights no myth that ${page} states only to debunk`, async () => {
        const tab = await open(page);
        // Under a heading of its own, as a comment section below the article would be:
        // under the page's "myths" heading it would rightly read as one more listed myth.
        await tab.evaluate((text) => {
          const h = document.createElement('h2');
          h.textContent = 'Reader comments';
          const p = document.createElement('p');
          p.id = 'sentinel';
          p.textContent = text;
          document.body.append(h, p);
        }, SENTINEL);
        expect(await highlightsSettle(tab, 1)).toEqual([
          { text: 'Depression is just a phase', in: 'sentinel' },
        ]);
      });
    }

    it('highlights assertions in a forum thread and no refutation or near miss', async () => {
      const tab = await open('e2e/forum-mixed.html');
      const marks = await highlightsSettle(tab, 3);
      // Every highlight is in a paragraph that asserts a myth (ids assert-*). The
      // first ("…laziness with a fancy name, and nobody wants to admit it", after
      // "your brother has a point") is still missed: the engine's figure, not the page's.
      for (const m of marks) expect(m.in).toMatch(/^assert-\d$/);
      expect(marks.map((m) => m.in)).toEqual(['assert-2', 'assert-3', 'assert-4']);
    });
  });
}
