import { describe, expect, it } from 'vitest';
import { extensionTasks } from './trace-tasks';

/** The soak's task measure on small hand-made traces (times in µs, as Chromium writes them). */

const EXT = 'chrome-extension://abc/content-scripts/content.js';
const main = {
  name: 'thread_name',
  ph: 'M',
  pid: 1,
  tid: 1,
  ts: 0,
  args: { name: 'CrRendererMain' },
};
const task = (ts: number, dur: number, tdur = dur) => ({
  name: 'RunTask',
  ph: 'X',
  pid: 1,
  tid: 1,
  ts,
  dur,
  tdur,
});
const call = (ts: number, dur: number, url = EXT) => ({
  name: 'FunctionCall',
  ph: 'X',
  pid: 1,
  tid: 1,
  ts,
  dur,
  tdur: dur,
  args: { data: { url } },
});
const commit = (ts: number, dur: number) => ({
  name: 'RenderFrameImpl::CommitNavigation',
  ph: 'X',
  pid: 1,
  tid: 1,
  ts,
  dur,
});

describe('extensionTasks', () => {
  it('charges a task the extension runs in whole, page work in it included', () => {
    const trace = [main, task(0, 60_000, 40_000), call(1_000, 5_000), task(100_000, 70_000)];
    expect(extensionTasks(trace)).toEqual({ longestMs: 60, longestCpuMs: 40, count: 1 });
  });

  it('ignores tasks without extension code', () => {
    const trace = [main, task(0, 90_000), call(1_000, 5_000, 'https://page.example/app.js')];
    expect(extensionTasks(trace)).toEqual({ longestMs: 0, longestCpuMs: 0, count: 0 });
  });

  it("charges a navigation commit only with the extension's own calls in it, nested ones once", () => {
    const trace = [
      main,
      task(0, 90_000, 37_000),
      commit(500, 89_000),
      call(10_000, 3_000),
      call(10_500, 1_000), // inside the one before
      call(20_000, 2_000),
    ];
    expect(extensionTasks(trace)).toEqual({ longestMs: 5, longestCpuMs: 5, count: 1 });
  });

  it('still charges a long listener inside a commit in full', () => {
    const trace = [main, task(0, 90_000), commit(500, 89_000), call(1_000, 70_000)];
    expect(extensionTasks(trace).longestMs).toBe(70);
  });
});
