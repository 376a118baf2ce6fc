import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { en, enPage } from '../../../lib/language/en';
import type { Language } from '../../../lib/language/language';
import { language, pageLanguage } from '../../../lib/language/shipped';
import { mentionReason } from '../../../lib/judge/context-rules';
import { analyse, featuresOf } from '../../../lib/judge/features';
import { ConceptMatcher } from '../../../lib/judge/concepts';
import { processTerm } from '../../../lib/lookup';
import { stripNegations } from '../../../lib/nlp/negation';
import { patternAnchors } from '../../../lib/nlp/pattern-anchors';
import { clauseStart, compileStance, negates } from '../../../lib/nlp/stance';
import { LANGUAGE_DIR } from '../../../lib/pack/pack';
import type { StanceCues } from '../../../lib/pack/pack-schema';
import { PRONOUN_START } from '../../../lib/prefilter/prefilter';
import { splitSentences } from '../../../lib/text/sentences';

/**
 * The Language seam (issue 15): the engine defines no English word; it
 * takes every one from the shipped language, and the pieces that compile
 * rules from a language accept another one.
 */

const ROOT = join(import.meta.dirname, '..', '..', '..');

const WORD_LISTS: [string, readonly string[]][] = [
  ['abbreviations', language.abbreviations],
  ['pronounStarts', language.pronounStarts],
  ['clauseWords', language.clauseWords],
  ['contractions', Object.keys(language.contractions)],
  ['contractions spelled out', Object.values(language.contractions)],
  ['functionWords', language.functionWords],
  ['firstPerson', language.firstPerson],
  ['secondPerson', language.secondPerson],
  ['stopWords', language.stopWords],
];

describe('the shipped language', () => {
  it('is English, whole in the engine and in its page part', () => {
    expect(language).toBe(en);
    expect(pageLanguage).toBe(enPage);
    expect(language.id).toBe(pageLanguage.id);
    expect(language.abbreviations).toBe(pageLanguage.abbreviations);
    expect(language.pronounStarts).toBe(pageLanguage.pronounStarts);
    expect(LANGUAGE_DIR).toBe(`content/language/${language.id}`);
  });

  it.each(WORD_LISTS)('has a non-empty, lower-case list of %s', (_name, list) => {
    expect(list.length).toBeGreaterThan(0);
    for (const word of list) {
      expect(word).toBe(word.toLowerCase());
      expect(word).toBe(word.trim());
      expect(word).not.toBe('');
    }
  });

  it('finds negations with a global pattern, as the stripper needs', () => {
    expect(language.negation.pattern.global).toBe(true);
  });
});

describe('the engine takes its words from the language', () => {
  it('splits sentences after no abbreviation of the language', () => {
    for (const a of language.abbreviations)
      expect(splitSentences(`See ${a}. this`)).toHaveLength(1);
  });

  it('reads every pronoun start as taking its topic from the sentence before', () => {
    for (const w of language.pronounStarts) expect(PRONOUN_START.test(`${w} is so.`)).toBe(true);
  });

  it('anchors no pattern on a function word', () => {
    for (const w of language.functionWords) expect(patternAnchors(w)).toEqual([]);
  });

  it('looks up no stop word', () => {
    for (const w of language.stopWords) expect(processTerm(w)).toBeNull();
  });

  it('marks the first and second person by its words', () => {
    const matcher = new ConceptMatcher({ topics: [], concepts: {} });
    const features = (text: string) => featuresOf(matcher, analyse(matcher, text), text);
    for (const w of language.firstPerson) expect(features(`so ${w} said`)).toContain('s:i');
    for (const w of language.secondPerson) expect(features(`so ${w} said`)).toContain('s:you');
  });

  it('keeps English words out of the engine outside lib/language/', () => {
    // One word from each list that moved; none is a word the engine's code or comments need.
    const moved = /\b(?:approx|whereas|mustn't|gonna|somebody|formerly|misperceptions|youre)\b/i;
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        const full = join(dir, e.name);
        if (e.isDirectory() && e.name !== 'language') walk(full);
        else if (e.name.endsWith('.ts')) files.push(full);
      }
    };
    walk(join(ROOT, 'lib'));
    const offenders = files.filter((f) => moved.test(readFileSync(f, 'utf8')));
    expect(offenders.map((f) => relative(ROOT, f))).toEqual([]);
  });
});

describe('a second language', () => {
  // A toy: English but for the parts each check swaps, so each check shows the engine follows it.
  const toy: Language = {
    ...en,
    id: 'xx',
    abbreviations: ['z.b'],
    clauseWords: ['aber'],
    negation: {
      pattern: /\bnicht\s+/gi,
      kept: () => ({ original: '', replacement: '' }),
      leading: 'nicht',
      adverb: '\\p{L}+lich',
      whyBefore: /\bwarum\s+$/i,
    },
    context: { ...en.context, markerStart: /^\W*(?:mythos)\b/i },
  };
  const cues: StanceCues = {
    negations: ['nicht'],
    refutationFrames: [],
    reportingFrames: [],
    exceptions: [],
    rhetoricalQuestions: [],
    negationCancellers: ['ändert'],
  };

  it('splits sentences by its abbreviations', () => {
    const text = 'Sport hilft, z.B. beim Laufen. Das ist so.';
    expect(splitSentences(text, toy)).toHaveLength(2);
    expect(splitSentences(text)).toHaveLength(3);
  });

  it('strips its negations', () => {
    expect(stripNegations('Depression ist nicht Faulheit.', toy.negation)?.text).toBe(
      'Depression ist Faulheit.',
    );
    expect(stripNegations('Depression ist nicht Faulheit.')).toBeNull();
  });

  it('decides clauses, cancelled negations and "why not" by its words', () => {
    const stance = compileStance(cues, undefined, toy);
    const sentence = 'Man sagt das, aber Depression ist real';
    expect(clauseStart(stance, sentence, sentence.indexOf('Depression'))).toBe(
      sentence.indexOf('aber') + 4,
    );
    expect(negates(stance, 'Das nicht wirklich ändert die Lage', 4, false)).toBe(false);
    expect(negates(stance, 'Warum nicht Sport?', 6, true)).toBe(false);
    expect(negates(stance, 'Warum nicht Sport?', 6, false)).toBe(true);
  });

  it('reads its context cues', () => {
    expect(mentionReason('Mythos: Depression ist Faulheit.', {}, toy.context)).toBe(
      'marked as a myth',
    );
    expect(mentionReason('Mythos: Depression ist Faulheit.', {})).toBeNull();
  });
});
