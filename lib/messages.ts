import * as v from 'valibot';

/**
 * Every message between the content script, the background, the popup and
 * the options page, as one discriminated union with a runtime schema. A
 * receiver parses before acting, so a malformed or foreign message is
 * ignored, never half-handled.
 */

const text = (max: number) => v.pipe(v.string(), v.maxLength(max));
const id = v.pipe(v.string(), v.regex(/^[a-z0-9-]{1,80}$/));
const stance = v.picklist(['asserts', 'refutes']);
const count = v.pipe(v.number(), v.integer(), v.minValue(0));

const SentenceFindingSchema = v.object({
  mythId: id,
  category: id,
  stance,
  start: count,
  end: count,
  text: text(2000),
  why: v.optional(v.pipe(v.array(text(200)), v.maxLength(5))),
});

/** The background's answer to matchSentences; `stale` when settings changed meanwhile. */
export const MatchReplySchema = v.union([
  v.object({ stale: v.literal(true) }),
  v.object({ findings: v.array(v.array(SentenceFindingSchema)) }),
]);

/** A finding as the content script reports it for the popup's list. */
export const PageFindingSchema = v.object({
  key: count,
  mythId: id,
  category: id,
  stance,
  text: text(300),
});

/** Messages the background accepts from content scripts. */
export const FromContentSchema = v.variant('type', [
  v.object({ type: v.literal('getScanConfig') }),
  v.object({
    type: v.literal('matchSentences'),
    configVersion: text(100),
    sentences: v.pipe(
      // patterns: a sentence names at most every pattern once; 20,000 ids got through (issue 13).
      v.array(
        v.object({
          text: text(2000),
          patterns: v.pipe(v.array(count), v.maxLength(1000)),
          prev: v.optional(text(600)),
          next: v.optional(text(600)),
          heading: v.optional(text(600)),
          list: v.optional(v.boolean()),
          prevInBlock: v.optional(v.boolean()),
        }),
      ),
      v.maxLength(500),
    ),
  }),
  v.object({
    type: v.literal('pageFindings'),
    items: v.pipe(v.array(PageFindingSchema), v.maxLength(1000)),
  }),
  v.object({ type: v.literal('getMyth'), mythId: id }),
  v.object({ type: v.literal('hideCategory'), category: id }),
  v.object({ type: v.literal('reportNotMyth'), mythId: id, sentence: text(2000) }),
]);

/** Messages the background accepts from extension pages (popup, options). */
export const FromPageSchema = v.variant('type', [
  v.object({ type: v.literal('setSitePaused'), host: text(300), paused: v.boolean() }),
]);

/** Messages a content script accepts from the background or the popup. */
export const ToContentSchema = v.variant('type', [
  v.object({
    type: v.literal('command'),
    command: v.picklist(['next-finding', 'toggle-highlights']),
  }),
  v.object({ type: v.literal('focusFinding'), key: count }),
  v.object({ type: v.literal('setHighlightsVisible'), visible: v.boolean() }),
  v.object({ type: v.literal('getPageState') }),
  // The open card's content, for the e2e harness: the card's shadow root is
  // closed, so no page script (nor the harness) can read it from the page.
  v.object({ type: v.literal('describeCard') }),
]);

export type FromContent = v.InferOutput<typeof FromContentSchema>;
export type FromPage = v.InferOutput<typeof FromPageSchema>;
export type ToContent = v.InferOutput<typeof ToContentSchema>;
export type PageFinding = v.InferOutput<typeof PageFindingSchema>;
export type MatchReply = v.InferOutput<typeof MatchReplySchema>;

/** The message parsed against `schema`, or null when it does not fit. */
export function parseMessage<S extends v.GenericSchema>(
  schema: S,
  message: unknown,
): v.InferOutput<S> | null {
  const result = v.safeParse(schema, message);
  return result.success ? result.output : null;
}
