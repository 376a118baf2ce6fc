import * as v from 'valibot';
import type { MythView } from './pack/myth-view';
import type { ScanConfig } from './scan-config';

/**
 * The one protocol between the content script, the background and the
 * extension's own pages (popup, options): every request with its runtime
 * schema, and every request's reply type, in one map per receiver. A receiver
 * parses each request before acting, so a malformed or foreign message is
 * ignored, never half-handled; a reply from a less trusted side (a content
 * script, which runs in the page's process) is parsed too. Replies the
 * background builds from the pack (scan configuration, a myth's card) are
 * typed only: the background is the trusted side, and the configuration is
 * too large to check on every page load.
 */

const text = (max: number) => v.pipe(v.string(), v.maxLength(max));
const id = v.pipe(v.string(), v.regex(/^[a-z0-9-]{1,80}$/));
const stance = v.picklist(['asserts', 'refutes']);
const count = v.pipe(v.number(), v.integer(), v.minValue(0));

/** The keyboard commands, named once: the manifest, the background and the content script use this. */
export const COMMANDS = ['next-finding', 'toggle-highlights'] as const;
export type CommandName = (typeof COMMANDS)[number];

export function isCommand(name: string): name is CommandName {
  return (COMMANDS as readonly string[]).includes(name);
}

// ---------------------------------------------------------------- replies

const FindingSchema = v.object({
  mythId: id,
  category: id,
  stance,
  start: count,
  end: count,
  text: text(2000),
  why: v.optional(v.pipe(v.array(text(200)), v.maxLength(5))),
});

/** The background's answer to matchSentences; `stale` when settings changed meanwhile. */
const MatchReplySchema = v.union([
  v.object({ stale: v.literal(true) }),
  v.object({ findings: v.array(v.array(FindingSchema)) }),
]);

/** The answer to a change: stored, or refused with a reason the person is told. */
const ChangeReplySchema = v.union([
  v.object({ ok: v.literal(true) }),
  v.object({ ok: v.literal(false), error: text(2000) }),
]);

/** A hit as the content script reports it for the popup's list and the badge. */
const HitSummarySchema = v.object({
  key: count,
  mythId: id,
  category: id,
  stance,
  text: text(300),
});

/** What the popup shows for the tab: the top frame's answer to getPageState. */
const PageStateSchema = v.object({
  status: v.picklist(['unavailable', 'paused', 'ready']),
  host: text(300),
  visible: v.boolean(),
  asserted: v.pipe(v.array(HitSummarySchema), v.maxLength(1000)),
  refuted: count,
});

/** The open card as the e2e harness reads it (the shadow root is closed to the page). */
export interface CardDescription {
  name: string;
  verdict: string;
  text: string;
  /** Each source, with its kind-and-strength line as shown and as a screen reader reads it. */
  sources: { href: string; target: string; rel: string; shown: string; spoken: string }[];
  focusInside: boolean;
  rect: { top: number; left: number; bottom: number; right: number };
  scroll: { top: number; height: number; client: number };
  /** Each button's label (text or aria-label) and centre in the viewport, for real clicks. */
  buttons: { label: string; x: number; y: number }[];
  /** The dialog serialised, for an accessibility check of a copy. */
  markup: string;
}

export type MatchReply = v.InferOutput<typeof MatchReplySchema>;
export type ChangeReply = v.InferOutput<typeof ChangeReplySchema>;
export type HitSummary = v.InferOutput<typeof HitSummarySchema>;
export type PageState = v.InferOutput<typeof PageStateSchema>;

// ---------------------------------------------------------------- requests

/** Requests the background accepts from content scripts. */
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
    items: v.pipe(v.array(HitSummarySchema), v.maxLength(1000)),
  }),
  v.object({ type: v.literal('getMyth'), mythId: id }),
  v.object({ type: v.literal('hideCategory'), category: id }),
  v.object({ type: v.literal('reportNotMyth'), mythId: id, sentence: text(2000) }),
]);

/** Requests the background accepts from the extension's own pages (popup, options). */
export const FromExtensionPageSchema = v.variant('type', [
  v.object({ type: v.literal('setSitePaused'), host: text(300), paused: v.boolean() }),
]);

/** Requests a content script accepts from the background or the popup. */
export const ToContentSchema = v.variant('type', [
  v.object({ type: v.literal('command'), command: v.picklist(COMMANDS) }),
  v.object({ type: v.literal('focusFinding'), key: count }),
  v.object({ type: v.literal('setHighlightsVisible'), visible: v.boolean() }),
  v.object({ type: v.literal('getPageState') }),
  // The open card's content, for the e2e harness: the card's shadow root is
  // closed, so no page script (nor the harness) can read it from the page.
  v.object({ type: v.literal('describeCard') }),
]);

export type FromContent = v.InferOutput<typeof FromContentSchema>;
export type FromExtensionPage = v.InferOutput<typeof FromExtensionPageSchema>;
export type ToContent = v.InferOutput<typeof ToContentSchema>;

// ---------------------------------------------------------------- request → reply

/** What the background answers each content-script request with. */
export interface FromContentReplies {
  getScanConfig: ScanConfig;
  matchSentences: MatchReply;
  pageFindings: ChangeReply;
  getMyth: MythView | null;
  hideCategory: ChangeReply;
  reportNotMyth: ChangeReply;
}

/** What the background answers each extension-page request with. */
export interface FromExtensionPageReplies {
  setSitePaused: ChangeReply;
}

/** What a content script answers with; `describeCard` only from the frame whose card is open. */
export interface ToContentReplies {
  command: boolean;
  focusFinding: boolean;
  setHighlightsVisible: boolean;
  getPageState: PageState;
  describeCard: CardDescription | undefined;
}

type Message = { type: string };

/** The request of type `K` in union `U`. */
export type RequestOf<U extends Message, K extends U['type']> = Extract<U, { type: K }>;

/**
 * One handler per request type, each bound to return its reply type, so a
 * receiver that forgets a request or answers with the wrong shape does not compile.
 */
export type Handlers<
  U extends Message,
  R extends { [K in U['type']]: unknown },
  Extra extends unknown[] = [],
> = { [K in U['type']]: (msg: RequestOf<U, K>, ...extra: Extra) => R[K] | Promise<R[K]> };

/**
 * Runs the handler for a parsed request, as a runtime.onMessage listener
 * answers: a promise of the reply, or undefined when the handler returned
 * undefined at once, which leaves the request to another receiver (only the
 * frame whose card is open answers describeCard; tabs.sendMessage takes the
 * first answer).
 */
export function dispatch<
  U extends Message,
  R extends { [K in U['type']]: unknown },
  Extra extends unknown[],
>(handlers: Handlers<U, R, Extra>, msg: U, ...extra: Extra): Promise<R[U['type']]> | undefined {
  const handler = handlers[msg.type as U['type']] as (
    m: U,
    ...e: Extra
  ) => R[U['type']] | Promise<R[U['type']]>;
  const reply = handler(msg, ...extra);
  return reply === undefined ? undefined : Promise.resolve(reply);
}

/** Replies parsed where they arrive, because the side that sent them is less trusted. */
const CHECKED_REPLIES = {
  matchSentences: MatchReplySchema,
  pageFindings: ChangeReplySchema,
  hideCategory: ChangeReplySchema,
  reportNotMyth: ChangeReplySchema,
  setSitePaused: ChangeReplySchema,
  getPageState: PageStateSchema,
} as const;

type AllReplies = FromContentReplies & FromExtensionPageReplies & ToContentReplies;

/**
 * A reply as its request's type says, or null when it is missing or does not
 * fit its schema (see CHECKED_REPLIES for which replies are checked).
 */
export function parseReply<K extends keyof AllReplies>(
  type: K,
  raw: unknown,
): AllReplies[K] | null {
  if (raw === undefined || raw === null) return null;
  const schema = (CHECKED_REPLIES as Partial<Record<keyof AllReplies, v.GenericSchema>>)[type];
  if (!schema) return raw as AllReplies[K];
  const result = v.safeParse(schema, raw);
  return result.success ? (result.output as AllReplies[K]) : null;
}

/** The message parsed against `schema`, or null when it does not fit. */
export function parseMessage<S extends v.GenericSchema>(
  schema: S,
  message: unknown,
): v.InferOutput<S> | null {
  const result = v.safeParse(schema, message);
  return result.success ? result.output : null;
}
