import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, resolve, sep } from 'node:path';

/** Content types for what fixture pages are made of; anything else is served as bytes. */
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

export interface FixtureServer {
  /** e.g. http://127.0.0.1:41234 (no trailing slash). */
  origin: string;
  close(): Promise<void>;
}

/**
 * Serves `root` recursively on 127.0.0.1 at a free port chosen by the OS, so
 * parallel runs on one machine never collide. Content scripts only match
 * http(s), which is why fixtures cannot simply be file:// URLs. A page that
 * `generated` returns for a path (see real-pages.ts) is served as if it were a file there.
 */
export async function startFixtureServer(
  root: string,
  generated: (pathname: string) => string | undefined = () => undefined,
): Promise<FixtureServer> {
  const base = resolve(root);
  const server: Server = createServer((req, res) => {
    void (async () => {
      const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
      const made = generated(pathname);
      if (made !== undefined) {
        res.writeHead(200, {
          'content-type': TYPES[extname(pathname).toLowerCase()] ?? 'application/octet-stream',
          'content-length': Buffer.byteLength(made),
          'cache-control': 'no-store',
        });
        res.end(req.method === 'HEAD' ? undefined : made);
        return;
      }
      let file = resolve(base, `.${pathname}`);
      // Refuse anything that escapes the fixture root (e.g. /../package.json).
      if (file !== base && !file.startsWith(base + sep)) {
        res.writeHead(403).end('forbidden');
        return;
      }
      try {
        if ((await stat(file)).isDirectory()) file = resolve(file, 'index.html');
        const info = await stat(file);
        res.writeHead(200, {
          'content-type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
          'content-length': info.size,
          'cache-control': 'no-store',
        });
        if (req.method === 'HEAD') res.end();
        else createReadStream(file).pipe(res);
      } catch {
        // Browsers ask for a favicon on their own; a 404 would be a console error in every test.
        if (pathname === '/favicon.ico') return void res.writeHead(204).end();
        res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
      }
    })();
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', ok);
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}
