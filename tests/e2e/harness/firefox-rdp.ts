import { connect, type Socket } from 'node:net';

/**
 * Minimal client for Firefox's DevTools remote debugging protocol (RDP), the
 * protocol about:debugging's "Inspect" uses. It exists because WebDriver BiDi
 * deliberately skips extension contexts (Firefox's isBrowsingContextCompatible
 * filters add-on principals, bug 1755014), so puppeteer cannot reach the MV2
 * background page. RDP can: an add-on's watcher lists the background page as a
 * frame target, and that target's console actor evaluates code inside it.
 * Packets are `<byte length>:<json>`; events carry a `type`, replies do not.
 * Set E2E_DEBUG_RDP=1 to log the traffic.
 */
type Packet = Record<string, unknown> & { from?: string; type?: string };
type TargetForm = { actor: string; url: string; consoleActor: string };
type Waiter = { match: (p: Packet) => boolean; ok: (p: Packet) => void; fail: (e: Error) => void };

const debug = (dir: string, text: string) => {
  if (process.env.E2E_DEBUG_RDP) console.error(`rdp ${dir}`, text.slice(0, 2000));
};

export class FirefoxBackground {
  #buf = Buffer.alloc(0);
  #waiters = new Set<Waiter>();
  #targets = new Map<string, TargetForm>();
  #queue: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly socket: Socket,
    private readonly backgroundUrl: string,
  ) {
    socket.on('data', (chunk) => this.#onData(chunk));
    // A dropped connection fails whoever is waiting instead of letting them time out.
    socket.on('error', () => undefined);
    socket.on('close', () => {
      for (const w of this.#waiters) w.fail(new Error('Firefox RDP connection closed'));
      this.#waiters.clear();
    });
  }

  /** Connects to the socket given to `--start-debugger-server` and watches the add-on. */
  static async connect(path: string, addonId: string, backgroundUrl: string) {
    const deadline = Date.now() + 15_000;
    let socket: Socket;
    // The socket appears a moment after the browser is up.
    while (!(await opened((socket = connect({ path }))))) {
      socket.destroy();
      if (Date.now() > deadline) throw new Error(`Firefox RDP socket never opened at ${path}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    const client = new FirefoxBackground(socket, backgroundUrl);
    try {
      await client.#next((p) => p.from === 'root' && 'applicationType' in p);
      const { addons } = await client.#request({ to: 'root', type: 'listAddons' });
      const addon = (addons as { id: string; actor: string }[]).find((a) => a.id === addonId);
      if (!addon) throw new Error(`Firefox RDP: add-on ${addonId} is not installed`);
      const watcher = await client.#request({ to: addon.actor, type: 'getWatcher' });
      await client.#request({
        to: String(watcher.actor),
        type: 'watchTargets',
        targetType: 'frame',
      });
      return client;
    } catch (error) {
      client.close();
      throw error;
    }
  }

  /** Evaluates `expression` (which must produce a string) in the background page. */
  evaluate(expression: string, timeoutMs = 15_000): Promise<string> {
    const run = async (): Promise<string> => {
      const find = () => [...this.#targets.values()].find((t) => t.url === this.backgroundUrl);
      if (!find()) await this.#next(() => !!find(), timeoutMs, 'background page target');
      const consoleActor = (find() as TargetForm).consoleActor;
      // Listen before asking: the result event can arrive in the same chunk as
      // the reply. Requests are serialized, so the next result is ours.
      const result = this.#next(
        (p) => p.type === 'evaluationResult' && p.from === consoleActor,
        timeoutMs,
        'evaluation result',
      );
      result.catch(() => undefined); // the request may fail first; handled by that throw
      // mapped.await makes the console await the promise the expression returns.
      const mapped = { await: true };
      await this.#request({ to: consoleActor, type: 'evaluateJSAsync', text: expression, mapped });
      const done = await result;
      if (done.hasException || done.topLevelAwaitRejected) {
        throw new Error(String(done.exceptionMessage ?? 'the evaluated promise rejected'));
      }
      const value = done.result as string | { type: string; actor: string; length: number };
      if (typeof value === 'string') return value;
      if (value.type !== 'longString') throw new Error(`unexpected ${JSON.stringify(value)}`);
      const long = { to: value.actor, type: 'substring', start: 0, end: value.length };
      return String((await this.#request(long)).substring);
    };
    // One request in flight at a time: RDP matches replies to requests by order.
    const next = this.#queue.then(run, run);
    this.#queue = next.catch(() => undefined);
    return next;
  }

  close(): void {
    this.socket.destroy();
  }

  async #request(packet: Packet): Promise<Packet> {
    const reply = this.#next((p) => p.from === packet.to && p.type === undefined);
    const text = JSON.stringify(packet);
    debug('>>', text);
    this.socket.write(`${Buffer.byteLength(text)}:${text}`);
    const answer = await reply;
    if (!answer.error) return answer;
    throw new Error(`Firefox RDP ${packet.type}: ${String(answer.message ?? answer.error)}`);
  }

  #next(match: (p: Packet) => boolean, timeoutMs = 15_000, what = 'answer'): Promise<Packet> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => waiter.fail(new Error(`Firefox RDP: no ${what} in ${timeoutMs} ms`)),
        timeoutMs,
      );
      const settle = () => (clearTimeout(timer), this.#waiters.delete(waiter));
      const waiter: Waiter = {
        match,
        ok: (p) => (settle(), resolve(p)),
        fail: (e) => (settle(), reject(e)),
      };
      this.#waiters.add(waiter);
    });
  }

  #onData(chunk: Buffer): void {
    this.#buf = Buffer.concat([this.#buf, chunk]);
    for (;;) {
      const colon = this.#buf.indexOf(':');
      const length = Number(this.#buf.subarray(0, colon).toString());
      if (colon < 0 || this.#buf.length < colon + 1 + length) return;
      const text = this.#buf.subarray(colon + 1, colon + 1 + length).toString();
      this.#buf = this.#buf.subarray(colon + 1 + length);
      debug('<<', text);
      const packet = JSON.parse(text) as Packet;
      const form = packet.target as TargetForm | undefined;
      if (packet.type === 'target-available-form' && form) this.#targets.set(form.actor, form);
      if (packet.type === 'target-destroyed-form' && form) this.#targets.delete(form.actor);
      for (const waiter of [...this.#waiters]) if (waiter.match(packet)) waiter.ok(packet);
    }
  }
}

function opened(socket: Socket): Promise<boolean> {
  return new Promise((done) => {
    socket.once('connect', () => done(true)).once('error', () => done(false));
  });
}
