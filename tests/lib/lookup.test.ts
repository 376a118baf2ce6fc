import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLookup, MAX_QUERY_CHARS, processTerm, type LookupResult } from '../../lib/lookup';
import { bundledPack } from '../../lib/pack/pack-bundled';
import { packFromDisk } from '../../scripts/lib/pack-from-disk';
import { fixturePageBlocks } from '../helpers/pages';

const fixture = packFromDisk(join(import.meta.dirname, '..', 'fixtures', 'packs', 'minimal'));
const lookup = createLookup(fixture);
const top = (r: LookupResult) => (r.kind === 'results' ? r.results[0]?.mythId : r.kind);

describe('lookup', () => {
  it('is empty for blank text', () => {
    expect(lookup('')).toEqual({ kind: 'empty' });
    expect(lookup('  \n ')).toEqual({ kind: 'empty' });
  });

  it('puts a detector match first, with its stance', () => {
    const r = lookup('Honestly, depression is just laziness.');
    expect(r).toMatchObject({
      kind: 'results',
      refutes: false,
      results: [{ mythId: 'depression-is-laziness', matched: 'detector', stance: 'asserts' }],
    });
  });

  it('marks a refutation so the popup can say so kindly', () => {
    const r = lookup('Depression is not laziness.');
    expect(r).toMatchObject({
      kind: 'results',
      refutes: true,
      results: [{ mythId: 'depression-is-laziness', matched: 'detector', stance: 'refutes' }],
    });
  });

  it('ranks detector matches above every retrieval score, best first', () => {
    const r = lookup('Running cures depression. I feel lazy about laziness, lazy lazy.');
    expect(r.kind).toBe('results');
    if (r.kind !== 'results') return;
    expect(r.results[0]).toMatchObject({
      mythId: 'exercise-cures-depression',
      matched: 'detector',
    });
    const scores = r.results.map((x) => x.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  it('finds a myth from a fragment or a paraphrase by retrieval', () => {
    expect(lookup('jogging')).toMatchObject({
      results: [{ mythId: 'exercise-cures-depression', matched: 'search' }],
    });
    expect(top(lookup('my mom says I should just jog more'))).toBe('exercise-cures-depression');
    expect(top(lookup('so lazy'))).toBe('depression-is-laziness');
  });

  it('tolerates a typo', () => {
    expect(top(lookup('excercise'))).toBe('exercise-cures-depression');
  });

  it('finds nothing in unrelated text', () => {
    for (const q of ['purple keyboard banana', 'the weather in Paris', 'a', '!!!', '12345']) {
      expect(lookup(q), q).toEqual({ kind: 'none' });
    }
  });

  it('never lists a myth twice', () => {
    const r = lookup('Depression is just laziness, and depression is not laziness, lazy lazy.');
    if (r.kind !== 'results') throw new Error('expected results');
    const ids = r.results.map((x) => x.mythId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('caps huge input and still finds a myth at the end of a long paste', () => {
    const filler = 'The garden path winds past the old stone wall. '.repeat(400);
    expect(top(lookup(`${filler}Running will cure your depression.`))).toBe(
      'exercise-cures-depression',
    );
    const huge = 'x'.repeat(MAX_QUERY_CHARS * 3);
    const started = performance.now();
    expect(lookup(huge)).toEqual({ kind: 'none' });
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe('processTerm', () => {
  it('lower-cases, drops function words and meets word forms at one stem', () => {
    expect(processTerm('The')).toBeNull();
    expect(processTerm('jogging')).toBe(processTerm('jog'));
    expect(processTerm('Laziness')).toBe(processTerm('lazy'));
    expect(processTerm('cured')).toBe(processTerm('cure'));
    expect(processTerm('pills')).toBe(processTerm('pill'));
    expect(processTerm('medication')).toBe(processTerm('medicated'));
  });
});

/**
 * Queries written for this test, in our own words (never taken from
 * ../shared/eval), with the myth each should put first, or null for text
 * that is about no myth. Sets A to C were used while tuning the evidence
 * rules in lib/lookup.ts; set D was written afterwards and measured before
 * any further change (37 of 38 on first run; its one miss, "players" passing
 * for "prayer", led to the exact-spelling rule for one-word keywords).
 */
const QUERIES: Record<string, [query: string, top: string | null][]> = {
  'Tuning set A': [
    ['Honestly, depression is just laziness dressed up.', 'depression-is-laziness'],
    ['Depressed people are just weak.', 'depression-is-weakness'],
    ['She chose to be depressed, plain and simple.', 'depression-is-a-choice'],
    ['Antidepressants are nothing but placebos.', 'antidepressants-are-placebos'],
    ['Depression is caused by a lack of serotonin.', 'low-serotonin-cause'],
    ['Depression is basically a chemical imbalance.', 'chemical-imbalance-cause'],
    ['Exercise cures depression, full stop.', 'exercise-cures-depression'],
    ['Depression is all in your head.', 'all-in-your-head'],
    ["Depression isn't a real illness.", 'depression-not-a-real-illness'],
    ['Trauma only affects the mind, not the body.', 'trauma-only-affects-mind'],
    ['You just need to get over your trauma and move on.', 'just-get-over-trauma'],
    ["It's just a phase, he'll grow out of it.", 'depression-is-a-phase'],
    ['Depression never gets better.', 'depression-never-gets-better'],
    ['If you prayed harder your depression would go away.', 'depression-is-lack-of-faith'],
    ["Just think positive and you'll beat depression.", 'just-think-positive'],
    ["You'd snap out of it if you tried harder.", 'snap-out-of-it'],
    ['Depression is just feeling sad.', 'depression-is-just-sadness'],
    ["Everyone gets depressed now and then, it's normal.", 'everyone-gets-depressed'],
    ['Yoga and sunshine will cure your depression.', 'natural-remedies-cure-depression'],
    ["You don't need medication, just go for a run.", 'lifestyle-instead-of-treatment'],
    ["Depression is genetic, so I'm doomed to have it.", 'depression-is-genetic-destiny'],
    ['Depression is part of who she is.', 'depression-is-who-you-are'],
    ["Depression doesn't cause any physical symptoms.", 'depression-has-no-physical-symptoms'],
    ['Depression is purely psychological.', 'depression-is-purely-mental'],
    ['Stop blaming your childhood for your problems.', 'stop-blaming-childhood'],
    ["What happened to you is in the past, it can't hurt you now.", 'trauma-is-in-the-past'],
    ["You're depressed because you're not grateful enough.", 'lack-of-gratitude'],
    ['One pill will fix your depression.', 'one-pill-fixes-it'],
    ['You can will your way out of depression.', 'think-your-way-out'],
    ["If you eat healthy and exercise you won't get depressed.", 'just-exercise-and-eat-healthy'],
    ['my mom says I should just jog more', 'exercise-cures-depression'],
    ['serotonin', 'low-serotonin-cause'],
    ['he needs to man up', 'snap-out-of-it'],
    ['sugar pills', 'antidepressants-are-placebos'],
    ['big pharma scam', 'antidepressants-are-placebos'],
    ['count your blessings', 'lack-of-gratitude'],
    ['others have it way worse than you', 'lack-of-gratitude'],
    ['pull yourself together', 'snap-out-of-it'],
    ['teen angst', 'depression-is-a-phase'],
    ['it runs in the family', 'depression-is-genetic-destiny'],
    ['happy pill', 'one-pill-fixes-it'],
    ['good vibes only', 'just-think-positive'],
    ['mind over matter', 'think-your-way-out'],
    ['attention seeking drama', 'depression-not-a-real-illness'],
    ['pray it away', 'depression-is-lack-of-faith'],
    ['water under the bridge', 'just-get-over-trauma'],
    ['daddy issues', 'stop-blaming-childhood'],
    ["she's just a gloomy pessimist by nature", 'depression-is-who-you-are'],
    ['chemical imbalance', 'chemical-imbalance-cause'],
    ['vitamin d and essential oils', 'natural-remedies-cure-depression'],
    ['skip the pills and get some fresh air', 'lifestyle-instead-of-treatment'],
    ["it's a life sentence, nothing works", 'depression-never-gets-better'],
    ['stop being so lazy', 'depression-is-laziness'],
    ['seratonin levels', 'low-serotonin-cause'],
    ['what a snowflake', 'depression-is-weakness'],
    ["it's just the blues", 'depression-is-just-sadness'],
    ['happiness is a choice', 'depression-is-a-choice'],
    [
      'headaches and fatigue have nothing to do with depression',
      'depression-has-no-physical-symptoms',
    ],
    ["eat your vegetables and you won't get depressed", 'just-exercise-and-eat-healthy'],
    ['leave the past behind you', 'trauma-is-in-the-past'],
    ['cold showers fix everything', 'natural-remedies-cure-depression'],
    ['welcome to adulthood, everybody feels like this', 'everyone-gets-depressed'],
    ["Depression is not laziness, it's an illness.", 'depression-is-laziness'],
    ["It's a myth that antidepressants are just placebos.", 'antidepressants-are-placebos'],
    ["Exercise doesn't cure depression for everyone.", 'exercise-cures-depression'],
    ['People wrongly believe depression is a choice.', 'depression-is-a-choice'],
    [
      'The idea that depression is simply a chemical imbalance is outdated.',
      'chemical-imbalance-cause',
    ],
    ['Depression is not a sign of weakness.', 'depression-is-weakness'],
    ['purple keyboard banana', null],
    ['the weather in Paris', null],
    ['How do I bake sourdough bread at home?', null],
    ['The train to Berlin leaves at nine.', null],
    ['Quarterly revenue grew by four percent.', null],
    ['My cat knocked a glass off the table.', null],
    ['Install the package with npm and restart the server.', null],
    ['The museum opens on Sunday afternoons.', null],
    ['A tropical depression is forming over the Atlantic.', null],
    ['The Great Depression began in 1929.', null],
    ['Remember to water the tomatoes.', null],
    ['quantum chromodynamics lecture notes', null],
  ],
  'Tuning set B': [
    ['my uncle thinks depression is made up by drug companies', 'depression-not-a-real-illness'],
    ['antidepressants are snake oil', 'antidepressants-are-placebos'],
    ['just smile more and you will feel better', 'just-think-positive'],
    ['you have so much to be thankful for', 'lack-of-gratitude'],
    ['he was always like this, it is his personality', 'depression-is-who-you-are'],
    ['you will be depressed forever, there is no hope', 'depression-never-gets-better'],
    ['she is just moody because of puberty', 'depression-is-a-phase'],
    ['real men toughen up', 'depression-is-weakness'],
    ['suck it up and get a grip', 'snap-out-of-it'],
    ['go to the gym, endorphins fix everything', 'exercise-cures-depression'],
    ['green juice cured my depression', 'natural-remedies-cure-depression'],
    ['therapy is a waste of money, go outside instead', 'lifestyle-instead-of-treatment'],
    ['low dopamine and serotonin levels cause depression', 'low-serotonin-cause'],
    ['your brain chemistry is just off balance', 'chemical-imbalance-cause'],
    ['prozac works the same for everyone', 'one-pill-fixes-it'],
    ['bad genes, it is in your blood', 'depression-is-genetic-destiny'],
    ['depression is a spiritual attack from demons', 'depression-is-lack-of-faith'],
    ['you are imagining it', 'all-in-your-head'],
    ['depression does not cause aches or fatigue', 'depression-has-no-physical-symptoms'],
    ['it is only a mindset, nothing physical', 'depression-is-purely-mental'],
    ['stop dwelling on the abuse, it happened years ago', 'just-get-over-trauma'],
    ['your parents did their best, stop blaming them', 'stop-blaming-childhood'],
    ['ptsd is only emotional', 'trauma-only-affects-mind'],
    ['she enjoys being miserable and wallowing in self-pity', 'depression-is-a-choice'],
    ['he is just a lazy slacker who stays in bed all day', 'depression-is-laziness'],
    ['willpower and discipline will get you out of it', 'think-your-way-out'],
    ['we all get sad, it is the human condition', 'everyone-gets-depressed'],
    ['she is in a funk, just a bad day', 'depression-is-just-sadness'],
    ['I ran a marathon last spring and loved it.', null],
    ['The recipe needs two cups of sugar and some butter.', null],
    ['Our team meeting moved to Thursday at noon.', null],
    ['The body of the letter was written in French.', null],
    ['Please pass the salt.', null],
    ['The economic depression hit farmers hard in the 1930s.', null],
    ['The rover landed near the crater rim.', null],
    ['Turn left at the second traffic light.', null],
    ['The soccer match ended in a draw.', null],
    ['This laptop has a great battery life.', null],
  ],
  'Tuning set C': [
    [
      'Honestly just go outside more and you will not need those meds',
      'lifestyle-instead-of-treatment',
    ],
    [
      'a psychiatrist told my friend SSRIs are no better than placebo',
      'antidepressants-are-placebos',
    ],
    [
      'my grandma says depression is what happens when you stop going to church',
      'depression-is-lack-of-faith',
    ],
    ['nobody has physical pain from depression', 'depression-has-no-physical-symptoms'],
    ['he is just weak minded', 'depression-is-weakness'],
    ['the happy chemical is missing in depressed brains', 'low-serotonin-cause'],
    ['she needs to quit playing the victim about her childhood', 'stop-blaming-childhood'],
    ['look on the bright side for once', 'just-think-positive'],
    ['it is just teenage hormones, give it time', 'depression-is-a-phase'],
    ['he has the perfect life, what does he have to be depressed about', 'lack-of-gratitude'],
    ['some people just like being sad', 'depression-is-a-choice'],
    ['get off the couch, you can not be bothered to do anything', 'depression-is-laziness'],
    ['nothing works for people like me, it is permanent', 'depression-never-gets-better'],
    ['depression is a trendy fad on social media', 'depression-not-a-real-illness'],
    ['a runners high beats any pill', 'exercise-cures-depression'],
    ['meditate every morning and your depression will be gone', 'natural-remedies-cure-depression'],
    ['it is hereditary so there is nothing I can do', 'depression-is-genetic-destiny'],
    ['the first medication always works', 'one-pill-fixes-it'],
    ['stop overthinking, it is all in your mind', 'all-in-your-head'],
    ['it is a state of mind, not a medical thing', 'depression-is-purely-mental'],
    ['just let it go already, that was ages ago', 'just-get-over-trauma'],
    ['cortisol and stress hormones have nothing to do with trauma', 'trauma-only-affects-mind'],
    ['buck up and shake it off', 'snap-out-of-it'],
    ['eating clean keeps depression away', 'just-exercise-and-eat-healthy'],
    ['everybody feels down sometimes, life is hard', 'everyone-gets-depressed'],
    ['change your thinking and you will change your life', 'think-your-way-out'],
    ['The bakery sells fresh croissants every morning.', null],
    ['Parking is free after six on weekdays.', null],
    ['The violinist tuned her instrument before the concert.', null],
    ['We adopted a puppy from the shelter last week.', null],
    ['The printer on the third floor is out of toner.', null],
    ['Low pressure systems bring rain to the coast.', null],
  ],
  'Held-out set D': [
    ['if she really trusted god she would not be depressed', 'depression-is-lack-of-faith'],
    ['you are too soft, grow a spine', 'depression-is-weakness'],
    ['depression is just sadness that lasts a bit longer', 'depression-is-just-sadness'],
    ['antidepressants are a big pharma scam that does nothing', 'antidepressants-are-placebos'],
    ['take a pill and you will be fine in a week', 'one-pill-fixes-it'],
    ['your neurotransmitters are out of balance', 'chemical-imbalance-cause'],
    ['not enough serotonin in the brain', 'low-serotonin-cause'],
    ['he is destined to be depressed like his father', 'depression-is-genetic-destiny'],
    ['she has always been a gloomy person', 'depression-is-who-you-are'],
    ['there is no cure so why bother', 'depression-never-gets-better'],
    ['wait it out, it will blow over', 'depression-is-a-phase'],
    ['depression is fake, people are faking it for attention', 'depression-not-a-real-illness'],
    ['everybody gets depressed, deal with it', 'everyone-gets-depressed'],
    ['lift weights and sweat it out', 'exercise-cures-depression'],
    ['cut out junk food and you will never be depressed', 'just-exercise-and-eat-healthy'],
    ['get off your meds and get some sunshine', 'lifestyle-instead-of-treatment'],
    ['essential oils cure depression naturally', 'natural-remedies-cure-depression'],
    ['you are just imagining things', 'all-in-your-head'],
    ['depression does not make you tired', 'depression-has-no-physical-symptoms'],
    ['it is just your attitude', 'depression-is-purely-mental'],
    ['that abuse was decades ago, move on', 'just-get-over-trauma'],
    ['using your upbringing as an excuse', 'stop-blaming-childhood'],
    ['the past is past, it cannot hurt you', 'trauma-is-in-the-past'],
    ['trauma is purely psychological', 'trauma-only-affects-mind'],
    ['choose happiness', 'depression-is-a-choice'],
    ['so unmotivated, no drive at all', 'depression-is-laziness'],
    ['positive vibes will get you through', 'just-think-positive'],
    ['you are so privileged and still complaining', 'lack-of-gratitude'],
    ['stop moping around', 'snap-out-of-it'],
    ['with enough determination you can beat it', 'think-your-way-out'],
    ['The bridge closes for repairs on Monday.', null],
    ['Our garden gets a lot of sunshine in July.', null],
    ['The spreadsheet has three hidden columns.', null],
    ['She ordered a large coffee with oat milk.', null],
    ['The ferry schedule changes in winter.', null],
    ['He fixed the leaking tap in the kitchen.', null],
    ['Chess players train for hours every day.', null],
    ['The library extended its opening hours.', null],
  ],
};

describe('lookup on the real pack', () => {
  const pack = bundledPack();
  const realLookup = createLookup(pack);
  const ids = new Set(pack.myths.map((m) => m.id));
  const all = Object.values(QUERIES).flat();
  const topOf = (q: string) => {
    const r = realLookup(q);
    return r.kind === 'results' ? r.results[0]!.mythId : null;
  };

  it('expects only myths that exist', () => {
    expect(all.filter(([, id]) => id !== null && !ids.has(id))).toEqual([]);
    expect(all.length).toBeGreaterThanOrEqual(60);
  });

  it('puts the right myth first for at least 90% of the queries', () => {
    const misses: string[] = [];
    for (const [name, queries] of Object.entries(QUERIES)) {
      let right = 0;
      for (const [q, want] of queries) {
        const got = topOf(q);
        if (got === want) right++;
        else misses.push(`${name}: "${q}" gave ${got ?? 'none'}, expected ${want ?? 'none'}`);
      }
      console.log(
        `${name}: top-1 ${right}/${queries.length} = ${(right / queries.length).toFixed(3)}`,
      );
    }
    const accuracy = (all.length - misses.length) / all.length;
    console.log(`lookup top-1 accuracy ${accuracy.toFixed(3)} over ${all.length} queries`);
    if (misses.length > 0) console.log(misses.join('\n'));
    expect(accuracy).toBeGreaterThanOrEqual(0.9);
  });

  it('finds no myth in any unrelated text', () => {
    const unrelated = all.filter(([, want]) => want === null).map(([q]) => q);
    const found = unrelated.filter((q) => realLookup(q).kind !== 'none');
    expect(found).toEqual([]);
  });

  it('says when the text debunks a myth, and puts that myth first', () => {
    expect(realLookup('It is a myth that depression is just laziness.')).toMatchObject({
      kind: 'results',
      refutes: true,
      results: [{ mythId: 'depression-is-laziness', matched: 'detector', stance: 'refutes' }],
    });
  });

  it('stays well under a frame for typed text, and bounded for a huge paste', () => {
    // A fresh lookup, so no answer comes from the detector's sentence cache.
    const fresh = createLookup(pack);
    fresh('warm up: compromise compiles its lexicon on first use.');
    const times = all.map(([q]) => {
      const started = performance.now();
      fresh(q);
      return performance.now() - started;
    });
    times.sort((a, b) => a - b);
    const median = times[Math.floor(times.length / 2)]!;
    const p95 = times[Math.floor(times.length * 0.95)]!;
    console.log(`lookup time: median ${median.toFixed(2)} ms, p95 ${p95.toFixed(2)} ms`);
    expect(median).toBeLessThan(16);

    // Real page text, as if a whole article were pasted, cut at the cap.
    const pages = fixturePageBlocks()
      .flatMap((p) => p.blocks)
      .join('\n');
    const paste = `${pages.slice(0, MAX_QUERY_CHARS - 200)}\nDepression is just laziness.`;
    const started = performance.now();
    expect(fresh(paste)).toMatchObject({ kind: 'results' });
    const took = performance.now() - started;
    console.log(`${Math.round(paste.length / 1000)} KB paste: ${took.toFixed(0)} ms`);
    expect(took).toBeLessThan(2000);
  });
});
