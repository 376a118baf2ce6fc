import type { SentenceContext } from './features';

/**
 * How a reader knows a plain sentence is being quoted to be knocked down,
 * from what stands around it: the rules the issue of context-aware detection
 * names. Each returns the reason, shown in the CLI, or null. A sentence a rule
 * calls a mention is never highlighted as asserting.
 */

const MARKER_START =
  /^\W*(?:myth|myths|false|misconception|fiction|true or false|fact or fiction|myth or fact)\b/i;
const BARE_MARKER = /^\W*(?:myth|false|fiction|misconception)\s*(?:#?\s*\d+)?\W*$/i;
const VERDICT_NEXT =
  /^\W*(?:(?:the\s+)?(?:correct\s+)?answer\s*(?:is|:)\s*)?(?:myth|false|fiction|fact|truth|reality|the truth|the reality|not true|wrong|or not|not so fast|not quite|think again)\b/i;
const HEADING_LIST =
  /\b(?:myths?|misconceptions?|misperceptions?|stigma|stereotypes?|things (?:not )?to (?:say|stop saying)|(?:stop|quit) saying|don'?t say|never say|tired of hearing|worst things|quiz|true or false|myth or fact|fact or fiction)\b/i;
const PAST_BELIEF =
  /\b(?:once|long|previously|originally|formerly)\s+(?:thought|believed|assumed|held|considered)\b|\bused to (?:be )?(?:think|believe|thought|believed|say|said|assume)\b|\b(?:was|were) (?:once |long |widely |commonly )?(?:thought|believed|assumed) (?:that|to)\b|\bfor (?:decades|years|a long time),? (?:\w+ ){0,3}(?:thought|believed|assumed|said|told|claimed)\b/i;
const SETUP =
  /^\W*(?:if you(?:'ve| have)? (?:ever )?(?:think|thought|believe|believed|been told|heard|hear|said|say|assume)|have you (?:ever )?(?:been told|heard|thought|said)|as if|as though|maybe you(?:'ve| have)? (?:heard|been told|thought))\b/i;
const SAID_TO =
  /\b(?:people|someone|somebody|they|others|friends?|family|relatives|parents?|doctors?|folks|society)\s+(?:often\s+|always\s+|may\s+|might\s+|will\s+|still\s+)?(?:say|says|said|tell|tells|told|think|thinks|believe|believes|assume|assumes|claim|claims)\b/i;

export function mentionReason(text: string, ctx: SentenceContext): string | null {
  if (MARKER_START.test(text)) return 'marked as a myth';
  if (ctx.prev && BARE_MARKER.test(ctx.prev)) return 'follows a "Myth" marker';
  if (ctx.next && VERDICT_NEXT.test(ctx.next)) return 'followed by a verdict';
  if (ctx.heading && ctx.heading !== text && HEADING_LIST.test(ctx.heading))
    return 'in a list of myths';
  if (ctx.heading && ctx.heading === text && HEADING_LIST.test(text))
    return 'a heading about myths';
  if (PAST_BELIEF.test(text)) return 'a belief reported as history';
  if (SETUP.test(text)) return 'a set-up the text answers';
  if (SAID_TO.test(text) && !/\b(?:i|we)\s+(?:say|think|believe)\b/i.test(text))
    return 'what other people say';
  return null;
}
