import type { ContextCues } from '../language/language';
import { language } from '../language/shipped';
import type { SentenceContext } from './features';

/**
 * How a reader knows a plain sentence is being quoted to be knocked down,
 * from what stands around it: the rules the issue of context-aware detection
 * names. Each returns the reason, shown in the CLI, or null. A sentence a rule
 * calls a mention is never highlighted as asserting. The words that signal
 * each rule are the language's (lib/language/); the rules and their order
 * are here.
 */
export function mentionReason(
  text: string,
  ctx: SentenceContext,
  cues: ContextCues = language.context,
): string | null {
  if (cues.markerStart.test(text)) return 'marked as a myth';
  if (ctx.prev && cues.bareMarker.test(ctx.prev)) return 'follows a "Myth" marker';
  if (ctx.next && cues.verdictNext.test(ctx.next)) return 'followed by a verdict';
  if (ctx.heading && ctx.heading !== text && cues.headingList.test(ctx.heading))
    return 'in a list of myths';
  if (ctx.heading && ctx.heading === text && cues.headingList.test(text))
    return 'a heading about myths';
  if (cues.pastBelief.test(text)) return 'a belief reported as history';
  if (cues.setup.test(text)) return 'a set-up the text answers';
  if (cues.saidTo.test(text) && !cues.ownView.test(text)) return 'what other people say';
  return null;
}
