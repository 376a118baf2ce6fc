import type { Language, PageLanguage } from './language';

/**
 * English, as the engine reads it. Everything here is data or a rule about
 * English words; the engine code that uses it is the same for any language.
 * `enPage` is apart because the content script, which runs in every page,
 * takes only it.
 */

/**
 * A list of words written as one string. Marked free of side effects so the
 * bundler drops the lists the content script does not use (all but `enPage`).
 */
/* #__NO_SIDE_EFFECTS__ */
function words(text: string): string[] {
  return text.trim().split(/\s+/);
}

const id = 'en';
const abbreviations = words('e.g i.e etc vs dr mr mrs ms prof st no fig approx');
const pronounStarts = words("it it's its this that that's they they're these those such");

export const enPage: PageLanguage = { id, abbreviations, pronounStarts };

export const en: Language = {
  id,
  abbreviations,
  pronounStarts,

  negation: {
    // "isn't" → "is", "can't" → "can", "won't" → "will", "cannot" → "can", and the words "not"/"never".
    // Forum text often drops the apostrophe ("dont", "isnt", "cant"): those are read as
    // negations too, for the auxiliaries only, so words like "want" or "parent" are left alone.
    pattern:
      /\b(?:(ca)n['’]?t\b|(wo)n['’]?t\b|(sha)n['’]t|(ai)n['’]?t\b|(do|does|did|is|are|was|were|would|should|could|has|have|had|must|need|might)n['’]?t\b|([a-z]+)n['’]t|(can)not|(?:not|never)\s+)/gi,
    kept(m) {
      if (m[1]) return { original: m[1], replacement: m[1] + 'n' };
      if (m[2]) return { original: m[2], replacement: m[2][0] === 'W' ? 'Will' : 'will' };
      if (m[3]) return { original: m[3], replacement: m[3] + 'll' };
      if (m[4]) return { original: m[4], replacement: m[4][0] === 'A' ? 'Is' : 'is' };
      if (m[5]) return { original: m[5], replacement: m[5] };
      if (m[6]) return { original: m[6], replacement: m[6] };
      if (m[7]) return { original: m[7], replacement: m[7] };
      return { original: '', replacement: '' };
    },
    leading: "not|never|cannot|\\p{L}*n['’]t",
    adverb: '\\p{L}+ly',
    whyBefore: /\bwhy\s+$/i,
  },

  clauseWords: words('but however yet although though whereas instead'),

  contractions: {
    "it's": 'it is',
    "that's": 'that is',
    "there's": 'there is',
    "what's": 'what is',
    "he's": 'he is',
    "she's": 'she is',
    "who's": 'who is',
    "i'm": 'i am',
    "you're": 'you are',
    "we're": 'we are',
    "they're": 'they are',
    "i've": 'i have',
    "you've": 'you have',
    "we've": 'we have',
    "they've": 'they have',
    "i'll": 'i will',
    "you'll": 'you will',
    "he'll": 'he will',
    "she'll": 'she will',
    "we'll": 'we will',
    "they'll": 'they will',
    "it'll": 'it will',
    "don't": 'do not',
    "doesn't": 'does not',
    "didn't": 'did not',
    "isn't": 'is not',
    "aren't": 'are not',
    "wasn't": 'was not',
    "weren't": 'were not',
    "won't": 'will not',
    "wouldn't": 'would not',
    "can't": 'can not',
    "couldn't": 'could not',
    "shouldn't": 'should not',
    "haven't": 'have not',
    "hasn't": 'has not',
    "hadn't": 'had not',
    "mustn't": 'must not',
  },

  // Words compromise can produce from contractions, or that occur everywhere.
  functionWords: words(`
    a an the and or but nor if so as at by for from in into of off on onto out over to up with
    is are was were be been being am do does did done have has had having will would shall should
    can could may might must not no it its this that these those there here you your he she they
    we us i me my him her them our their his hers its ours theirs yours mine let going gonna got want
    just only very also than then
    what who whom which when where why how all any some each every`),

  context: {
    markerStart:
      /^\W*(?:myth|myths|false|misconception|fiction|true or false|fact or fiction|myth or fact)\b/i,
    bareMarker: /^\W*(?:myth|false|fiction|misconception)\s*(?:#?\s*\d+)?\W*$/i,
    verdictNext:
      /^\W*(?:(?:the\s+)?(?:correct\s+)?answer\s*(?:is|:)\s*)?(?:myth|false|fiction|fact|truth|reality|the truth|the reality|not true|wrong|or not|not so fast|not quite|think again)\b/i,
    headingList:
      /\b(?:myths?|misconceptions?|misperceptions?|stigma|stereotypes?|things (?:not )?to (?:say|stop saying)|(?:stop|quit) saying|don'?t say|never say|tired of hearing|worst things|quiz|true or false|myth or fact|fact or fiction)\b/i,
    pastBelief:
      /\b(?:once|long|previously|originally|formerly)\s+(?:thought|believed|assumed|held|considered)\b|\bused to (?:be )?(?:think|believe|thought|believed|say|said|assume)\b|\b(?:was|were) (?:once |long |widely |commonly )?(?:thought|believed|assumed) (?:that|to)\b|\bfor (?:decades|years|a long time),? (?:\w+ ){0,3}(?:thought|believed|assumed|said|told|claimed)\b/i,
    setup:
      /^\W*(?:if you(?:'ve| have)? (?:ever )?(?:think|thought|believe|believed|been told|heard|hear|said|say|assume)|have you (?:ever )?(?:been told|heard|thought|said)|as if|as though|maybe you(?:'ve| have)? (?:heard|been told|thought))\b/i,
    saidTo:
      /\b(?:people|someone|somebody|they|others|friends?|family|relatives|parents?|doctors?|folks|society)\s+(?:often\s+|always\s+|may\s+|might\s+|will\s+|still\s+)?(?:say|says|said|tell|tells|told|think|thinks|believe|believes|assume|assumes|claim|claims)\b/i,
    ownView: /\b(?:i|we)\s+(?:say|think|believe)\b/i,
    question: /\?[\s"'”’)\]]*$/,
    optionLetter: /^\s*(?:\(\s*[a-f]\s*\)|[a-f][.):])\s+/i,
    // "Don't" and the like only with their apostrophe (or spelled as forums do), so
    // that "different" or "parent" are not read as verbs.
    clauseVerb:
      /\b(?:am|is|are|was|were|be|been|being|do|does|did|has|have|had|can|could|will|would|shall|should|may|might|must|cannot|\w+n['’]t|(?:dont|doesnt|isnt|arent|cant|wont|didnt)|(?:i|it|that|there|he|she|what|who|you|we|they)['’](?:m|s|re|ve|ll|d))\b/i,
    // In the first person or as a verdict, and always before the claim; "I don't believe"
    // is left out: it as often says the myth ("I don't believe depression is real").
    rejection:
      /\b(?:i|we)\s+(?:(?:simply|just|still|flatly|absolutely|completely|totally|strongly|really)\s+)?(?:refuse\s+to\s+(?:believe|accept)\b|(?:don['’]?t|do\s+not|never|can['’]?t|cannot)\s+buy(?:\s+into)?\s+(?:the\s+(?:idea|notion|claim|view|belief|myth|theory|argument|assumption|line)\s+)?that\b|(?:reject|disagree\s+with)\s+the\s+(?:idea|notion|claim|view|belief|myth|theory|argument|assumption)\s+that\b|disagree\s+that\b)|\b(?:my|our|the)\s+(?:(?:main|big|biggest|real|only)\s+)?(?:problem|issue|trouble)\s+with\s+(?:the|this)\s+(?:idea|notion|claim|view|belief|myth|theory|argument|assumption)\s+(?:that|of)\b|\bit(?:\s+is|['’]s|\s+was)\s+(?:(?:simply|just|plainly|clearly|completely|totally|so|very)\s+)?(?:wrong|false|incorrect|untrue|inaccurate|misleading|unfair|a\s+(?:mistake|myth|misconception|fallacy))\s+to\s+(?:say|think|claim|believe|assume|suggest|imply)\b/i,
    rejectsTruth:
      /\b(?:not|no|never|cannot|nothing|\w+n['’]t|dont|doesnt|isnt|arent|cant|wont|real|genuine|legitimate|actual|exists?|illness|disease|disorder|condition|medical|works?|effective|treatable)\b/i,
    // The myth's idea only after "rather than" / "not simply": never "instead of", which
    // as often recommends the myth ("exercise instead of medication").
    contrastedMyth:
      /\b(?:rather\s+than|not\s+simply|not\s+merely|not\s+just)\s+(?:(?:a|an|the|being|feeling|just|simply|some|one)\s+)?(?:(?:simple|single|mere|simply|personal|moral|passing)\s+)?(?:(?:chemical|serotonin)(?:\s+imbalances?)?|imbalances?|laziness|lazy|weakness|weak|choices?|sadness|sad|phase|willpower)\b/i,
    mythWords:
      /\b(?:chemicals?|imbalances?|serotonin|lazy|laziness|weak|weakness|choices?|choose|chose|chosen|sad|sadness|phase|willpower|just|should|must|think|thinking|thoughts?|mind|mindset|attitude|head|faith|sin|exercise|diet|pills?|snap|get\s+over|trauma|childhood|past)\b/i,
    counterfactual:
      /\bif(?:\s+only)?(?:\s+[\w'’]+){1,5}?\s+(?:were|was)\s+(?:(?:only|really|truly|just|actually)\s+)?(?:that|so|this|as)\s+(?:simple|easy|straightforward)\b/i,
  },

  firstPerson: ['i', "i'm", 'im', 'me', 'my', 'myself', "i've", "i'd"],
  secondPerson: ['you', 'your', "you're", 'youre', 'yourself', "you've"],

  // Contraction stubs are here because the lookup's tokenizer splits "don't" into "don" and "t".
  stopWords: words(`
    a an the and or but if so of to in on at by for with from as into about than then that this these
    those there here it its is are was were be been being am do does did doing have has had having
    i me my mine we us our you your he him his she her they them their what which who whom whose
    when where why how all any some each such no nor not only own same too very can could will would
    shall should may might must just also more most other s t d ll m re ve don doesn didn isn aren
    wasn weren won wouldn couldn shouldn get got say says said tell told think thinks really
    one people someone somebody thing things like`),

  possessive: /['’]s$/,

  /**
   * A deliberately small suffix stripper: enough to meet "jogging" with
   * "jog" and "laziness" with "lazy", without a full Porter stemmer's size.
   * A stem only has to be consistent, never a real word.
   */
  stem(word) {
    let w = word;
    if (w.length > 4 && w.endsWith('ies')) w = `${w.slice(0, -3)}y`;
    else if (w.length > 3 && w.endsWith('s') && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
    for (const suffix of ['ness', 'ing', 'ion', 'ed', 'ly', 'ful']) {
      if (w.endsWith(suffix) && w.length - suffix.length >= 3) {
        w = w.slice(0, -suffix.length);
        break;
      }
    }
    // "cure", "cured" and "curing" meet at "cur".
    if (w.length > 3 && w.endsWith('e')) w = w.slice(0, -1);
    // "jogg" → "jog", "runn" → "run"; but keep "ll", "ss" and "zz" ("tell", "less", "buzz").
    if (/([^aeiouylsz])\1$/.test(w)) w = w.slice(0, -1);
    // "lazy" and "lazi(ness)" meet at "lazi".
    if (w.length > 2 && /[^aeiou]y$/.test(w)) w = `${w.slice(0, -1)}i`;
    return w;
  },
};
