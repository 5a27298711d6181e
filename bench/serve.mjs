// A static server for the benchmark: mounts folders at URL prefixes and sends gzip, as a real static
// host would (so the throttled network carries the bytes a visitor would download).
import { createServer } from 'node:http';
import { readFileSync, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png' };

/** mounts: { '/prefix/': folder }, longest prefix first wins. Resolves to { url, close, gzipSize }. */
export function serve(mounts, port) {
  const prefixes = Object.keys(mounts).sort((a, b) => b.length - a.length);
  const gz = new Map();
  const resolve = (urlPath) => {
    const prefix = prefixes.find((p) => urlPath.startsWith(p));
    if (!prefix) return undefined;
    let file = join(mounts[prefix], normalize(decodeURIComponent(urlPath.slice(prefix.length))));
    try {
      if (statSync(file).isDirectory()) file = join(file, 'index.html');
      statSync(file);
      return file;
    } catch {
      return undefined;
    }
  };
  const gzipped = (file) => {
    if (!gz.has(file)) gz.set(file, gzipSync(readFileSync(file), { level: 9 }));
    return gz.get(file);
  };
  const server = createServer((req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    const file = resolve(path);
    if (!file) {
      res.writeHead(404).end();
      return;
    }
    const body = gzipped(file);
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'content-encoding': 'gzip', 'cache-control': 'no-store' });
    res.end(body);
  });
  return new Promise((ok) =>
    server.listen(port, '127.0.0.1', () =>
      ok({
        url: `http://127.0.0.1:${port}/`,
        close: () => new Promise((done) => server.close(done)),
        /** gzip -9 bytes of what a URL path serves. */
        gzipSize: (urlPath) => {
          const file = resolve(urlPath);
          return file ? gzipped(file).length : 0;
        },
      }),
    ),
  );
}
