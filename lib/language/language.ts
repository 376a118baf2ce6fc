/**
 * What the engine must be told about the language it reads. The engine
 * defines no word of a language: it takes them from an object of this shape
 * (`en.ts` for English), chosen in `shipped.ts`. Word lists are lower case.
 * The pack's language data (concept lexicon, stance cues, common words, the
 * trained scorer) is JSON in `content/language/<id>/`.
 */

/** The part that runs in every page, in the content script: small, and no NLP. */
export interface PageLanguage {
  /** The language tag, and the folder of its data: `content/language/<id>/`. */
  readonly id: string;
  /**
   * Words written with a full stop that does not end a sentence ("e.g",
   * "dr", "fig"), without that last stop. A single letter (an initial) never
   * ends one either.
   */
  readonly abbreviations: readonly string[];
  /** Words that, opening a sentence, take its topic from the sentence before ("it", "this"). */
  readonly pronounStarts: readonly string[];
}

/** How negation is written: found, removed and read. */
export interface NegationRules {
  /** Every negation ("not", "never", "isn't", "cannot"); global and case-insensitive. */
  readonly pattern: RegExp;
  /**
   * What a negation found by `pattern` leaves once it is removed: which part
   * of the original it keeps, read as which word ("won't" keeps "wo", read
   * "will"; "not" keeps nothing).
   */
  kept(match: RegExpExecArray): { original: string; replacement: string };
  /** Regular-expression source of one negation at the start of a text, for the verbs that cancel it. */
  readonly leading: string;
  /** Regular-expression source of an adverb between a negation and its canceller ("doesn't really change"). */
  readonly adverb: string;
  /** The text just before a negation that makes it a rhetorical "why not". */
  readonly whyBefore: RegExp;
}

/**
 * How a reader sees that a sentence is quoted to be knocked down, from the
 * sentence and what stands around it (lib/judge/context-rules.ts).
 */
export interface ContextCues {
  /** A sentence labelled as a myth at its start: "Myth: …", "True or false: …". */
  readonly markerStart: RegExp;
  /** A line that is only a label: "Myth", "Myth #3". */
  readonly bareMarker: RegExp;
  /** A quiz verdict in the sentence after: "The correct answer is myth", "Fact:". */
  readonly verdictNext: RegExp;
  /** A heading over a list of myths: "Myths", "Things not to say". */
  readonly headingList: RegExp;
  /** A belief reported as history: "experts once thought". */
  readonly pastBelief: RegExp;
  /** A set-up the text then answers: "If you've ever thought…". */
  readonly setup: RegExp;
  /** What other people say: "people often say". */
  readonly saidTo: RegExp;
  /** The writer's own view, which makes `saidTo` no mention: "I think". */
  readonly ownView: RegExp;
  /** A sentence that ends as a question: what a quiz's answer options follow. */
  readonly question: RegExp;
  /** The letter of a quiz's answer option at the start of a line: "a.", "b)", "(c)", "D:". */
  readonly optionLetter: RegExp;
  /** A word that makes a line a full clause, not a quiz option's fragment: "is", "can", "don't". */
  readonly clauseVerb: RegExp;
  /** The writer rejecting what follows: "I refuse to believe", "it is wrong to say that". */
  readonly rejection: RegExp;
  /**
   * What turns a rejection into an assertion: a clause that affirms a truth or
   * is negated ("I refuse to believe depression is a real illness"; "… isn't a choice").
   */
  readonly rejectsTruth: RegExp;
  /** A myth named only as the thing contrasted away: "rather than a simple chemical imbalance". */
  readonly contrastedMyth: RegExp;
  /** A myth's own words, which keep a `contrastedMyth` sentence judged when left outside it. */
  readonly mythWords: RegExp;
  /** A counterfactual set-up: "If depression were that simple to fix, …". */
  readonly counterfactual: RegExp;
}

/** Everything the engine reads of a language. */
export interface Language extends PageLanguage {
  readonly negation: NegationRules;
  /** Words that open a new clause, beyond which a negation does not reach ("but", "however"). */
  readonly clauseWords: readonly string[];
  /** Contractions a pattern may be written with, spelled out as the parser reads them. */
  readonly contractions: Readonly<Record<string, string>>;
  /** Words too common to anchor a pattern in the topic gate. */
  readonly functionWords: readonly string[];
  readonly context: ContextCues;
  /** Words of the first person ("i", "my"), and of the second ("you"): scorer features. */
  readonly firstPerson: readonly string[];
  readonly secondPerson: readonly string[];
  /** Words that say nothing about which myth a looked-up text means. */
  readonly stopWords: readonly string[];
  /** The ending of a possessive, dropped before stemming ("depression's"). */
  readonly possessive: RegExp;
  /** A small stemmer for the lookup: a text and a myth meet at the same stem. */
  stem(word: string): string;
}
