/**
 * Reads a Chromium performance trace (page.tracing, with the
 * `disabled-by-default-devtools.timeline` and
 * `disabled-by-default-v8.cpu_profiler` categories) and finds the longest
 * main-thread task the extension took part in. A task is one `RunTask` on a
 * renderer main thread (CrRendererMain); it counts as the extension's when
 * an event inside it names an extension script (the content script's
 * EvaluateScript, a FunctionCall into it) or a CPU profile sample taken
 * inside it has an extension script on its stack. The samples are what
 * catch work resumed by `await` (promise jobs carry no script URL). The
 * whole task is charged, page work in it included, so the figure is an
 * upper bound. Both its wall time and its thread (CPU) time are given: on a
 * busy 2-core machine the wall time also counts waiting for a core.
 *
 * One kind of task is not the extension's to carry: the browser committing a
 * navigation (`RenderFrameImpl::CommitNavigation`). The page being left runs
 * its `pagehide` and `visibilitychange` listeners inside that task, the
 * content script's among them, so a 3 ms listener made the whole commit of
 * the next page (90 ms wall, 37 ms CPU on yahoo-2.html) count as an
 * extension task. Such a task is charged only with the extension's own
 * events in it.
 */

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  /** Thread (CPU) time of the event, where the trace records it. */
  tdur?: number;
  id?: string;
  args?: Record<string, unknown>;
}

interface ProfileNode {
  id: number;
  parent?: number;
  callFrame: { url?: string };
}

interface ProfileState {
  pid: number;
  tid: number;
  time: number;
  parents: Map<number, number | undefined>;
  own: Map<number, boolean>;
}

const EXTENSION = /^(chrome|moz)-extension:\/\//;

export interface ExtensionTasks {
  /** Longest task the extension took part in, wall time, ms. */
  longestMs: number;
  /**
   * Longest such task in main-thread CPU time, ms: what the task cost,
   * without the time the thread sat waiting for a core other processes held.
   */
  longestCpuMs: number;
  /** How many such tasks there were. */
  count: number;
}

export function extensionTasks(
  trace: unknown,
  extensionBase = 'chrome-extension://',
): ExtensionTasks {
  const events: TraceEvent[] = Array.isArray(trace)
    ? (trace as TraceEvent[])
    : ((trace as { traceEvents?: TraceEvent[] }).traceEvents ?? []);
  const isOurs = (url: unknown) => typeof url === 'string' && url.startsWith(extensionBase);
  const mainThreads = new Set(
    events
      .filter((e) => e.name === 'thread_name' && (e.args?.name as string) === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  );

  // Times (µs) of samples with extension code on the stack, per thread.
  const samples = new Map<string, number[]>();
  const profiles = new Map<string, ProfileState>();
  for (const e of events) {
    if (e.name === 'Profile') {
      const data = e.args?.data as { startTime: number };
      profiles.set(`${e.pid}:${e.id}`, {
        pid: e.pid,
        tid: e.tid,
        time: data.startTime,
        parents: new Map(),
        own: new Map(),
      });
    } else if (e.name === 'ProfileChunk') {
      const p = profiles.get(`${e.pid}:${e.id}`);
      const data = e.args?.data as {
        cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] };
        timeDeltas?: number[];
      };
      if (!p) continue;
      for (const n of data.cpuProfile?.nodes ?? []) {
        p.parents.set(n.id, n.parent);
        if (isOurs(n.callFrame.url) || EXTENSION.test(n.callFrame.url ?? '')) p.own.set(n.id, true);
      }
      const list = samples.get(`${p.pid}:${p.tid}`) ?? [];
      const ids = data.cpuProfile?.samples ?? [];
      ids.forEach((id, i) => {
        p.time += data.timeDeltas?.[i] ?? 0;
        if (onStack(p, id)) list.push(p.time);
      });
      samples.set(`${p.pid}:${p.tid}`, list);
    }
  }
  for (const list of samples.values()) list.sort((a, b) => a - b);

  // Events that name an extension script, and navigation commits, per thread.
  const named = new Map<string, number[]>();
  const namedSpans = new Map<string, Span[]>();
  const commits = new Map<string, number[]>();
  for (const e of events) {
    if (e.ph !== 'X' || e.name === 'RunTask') continue;
    const key = `${e.pid}:${e.tid}`;
    if (e.name === COMMIT) {
      commits.set(key, [...(commits.get(key) ?? []), e.ts]);
      continue;
    }
    const data = e.args?.data as { url?: string } | undefined;
    if (!isOurs(data?.url) && !isOurs(e.args?.fileName)) continue;
    named.set(key, [...(named.get(key) ?? []), e.ts]);
    const span = { ts: e.ts, dur: e.dur ?? 0, cpu: e.tdur ?? e.dur ?? 0 };
    namedSpans.set(key, [...(namedSpans.get(key) ?? []), span]);
  }
  for (const list of [...named.values(), ...commits.values()]) list.sort((a, b) => a - b);
  for (const list of namedSpans.values()) list.sort((a, b) => a.ts - b.ts);

  let longest = 0;
  let longestCpu = 0;
  let count = 0;
  for (const e of events) {
    if (e.name !== 'RunTask' || e.ph !== 'X' || e.dur === undefined) continue;
    const key = `${e.pid}:${e.tid}`;
    if (!mainThreads.has(key)) continue;
    const end = e.ts + e.dur;
    if (!anyIn(samples.get(key), e.ts, end) && !anyIn(named.get(key), e.ts, end)) continue;
    count++;
    if (anyIn(commits.get(key), e.ts, end)) {
      const own = outermost(namedSpans.get(key) ?? [], e.ts, end);
      longest = Math.max(longest, own.dur / 1000);
      longestCpu = Math.max(longestCpu, own.cpu / 1000);
      continue;
    }
    longest = Math.max(longest, e.dur / 1000);
    longestCpu = Math.max(longestCpu, (e.tdur ?? e.dur) / 1000);
  }
  const round = (ms: number) => Math.round(ms * 10) / 10;
  return { longestMs: round(longest), longestCpuMs: round(longestCpu), count };
}

const COMMIT = 'RenderFrameImpl::CommitNavigation';

interface Span {
  ts: number;
  dur: number;
  cpu: number;
}

/** Total time of the spans in [from, to], each counted once even where they nest. */
function outermost(spans: readonly Span[], from: number, to: number): { dur: number; cpu: number } {
  let dur = 0;
  let cpu = 0;
  let coveredUntil = -Infinity;
  for (const s of spans) {
    if (s.ts < from || s.ts > to || s.ts < coveredUntil) continue;
    dur += s.dur;
    cpu += s.cpu;
    coveredUntil = s.ts + s.dur;
  }
  return { dur, cpu };
}

/** Whether a sample's stack has extension code on it (cached per node). */
function onStack(p: ProfileState, id: number): boolean {
  const seen: number[] = [];
  let found = false;
  for (let n: number | undefined = id; n !== undefined; n = p.parents.get(n)) {
    const known = p.own.get(n);
    if (known !== undefined) {
      found = known;
      break;
    }
    seen.push(n);
  }
  for (const n of seen) p.own.set(n, found);
  return found;
}

/** Whether a sorted list has a value in [from, to]. */
function anyIn(list: number[] | undefined, from: number, to: number): boolean {
  if (!list || list.length === 0) return false;
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]! < from) lo = mid + 1;
    else hi = mid;
  }
  return lo < list.length && list[lo]! <= to;
}
