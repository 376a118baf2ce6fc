import type { ContextCues } from '../language/language';
import { language } from '../language/shipped';
import type { SentenceContext } from './features';

/** Quiz answer options are short: longer lines are sentences in their own right. */
const OPTION_WORDS = 10;

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
  if (isQuizOption(text, ctx, cues)) return 'an answer option of a quiz';
  if (cues.pastBelief.test(text)) return 'a belief reported as history';
  if (cues.setup.test(text)) return 'a set-up the text answers';
  if (cues.counterfactual.test(text)) return 'a counterfactual the text answers';
  if (cues.saidTo.test(text) && !cues.ownView.test(text)) return 'what other people say';
  if (rejected(text, cues)) return 'a claim the writer rejects';
  if (contrastedAway(text, cues)) return 'named only as what it is not';
  return null;
}

/**
 * An answer option of a quiz: a short line without a verb of its own, opened
 * by an option letter ("b) Feeling tired all the time"), in a run of options
 * after a question. A lone "A: …" after a question is an answer in a Q&A, not
 * an option, so the first option needs another after it.
 */
function isQuizOption(text: string, ctx: SentenceContext, cues: ContextCues): boolean {
  const letter = cues.optionLetter.exec(text);
  if (!letter || !ctx.prev) return false;
  const rest = text.slice(letter[0].length);
  if (cues.clauseVerb.test(rest) || rest.trim().split(/\s+/).length > OPTION_WORDS) return false;
  if (cues.optionLetter.test(ctx.prev)) return true;
  // "What causes it? a. … b. … c. …" on one line is a run of options by itself.
  const inLine = [...rest.matchAll(/\s/g)].some((m) => cues.optionLetter.test(rest.slice(m.index)));
  const runAfter = (ctx.next !== undefined && cues.optionLetter.test(ctx.next)) || inLine;
  return cues.question.test(ctx.prev) && runAfter;
}

/**
 * The writer rejects the claim that follows ("I refuse to believe that …"),
 * unless that claim is a truth or is negated: rejecting "depression is a real
 * illness" or "it isn't a choice" says the myth.
 */
function rejected(text: string, cues: ContextCues): boolean {
  const frame = cues.rejection.exec(text);
  return frame !== null && !cues.rejectsTruth.test(text.slice(frame.index + frame[0].length));
}

/**
 * The myth is named only as the thing contrasted away ("… rather than a simple
 * chemical imbalance"), and nothing else in the sentence is a myth's word: "a
 * choice rather than a chemical imbalance" still says a myth.
 */
function contrastedAway(text: string, cues: ContextCues): boolean {
  const contrast = cues.contrastedMyth.exec(text);
  if (!contrast) return false;
  const rest = text.slice(0, contrast.index) + text.slice(contrast.index + contrast[0].length);
  return !cues.mythWords.test(rest);
}
