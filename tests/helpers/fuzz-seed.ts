import fc from 'fast-check';

/**
 * CI replays one seed so a run is reproducible; set FUZZ_SEED=random (or any
 * number) to explore. A failure prints its seed and shrunk input either way.
 */
const raw = process.env.FUZZ_SEED;
if (raw !== 'random') fc.configureGlobal({ seed: raw ? Number(raw) : 20261126 });
