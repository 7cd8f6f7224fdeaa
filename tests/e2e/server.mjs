// A static file server that answers like GitHub Pages: files under a path prefix, index.html
// for folders, and 404.html with status 404 for anything else. Bound to 127.0.0.1 on a free
// port; the tests start and stop it themselves.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
};

async function fileAt(path) {
  try {
    const info = await stat(path);
    if (info.isDirectory()) return fileAt(join(path, 'index.html'));
    return path;
  } catch {
    return null;
  }
}

/** Serves `dir` under `prefix` (which starts and ends with "/"); resolves to { url, requests, close }. */
export function serve(dir, prefix = '/') {
  // Every request line the server saw, so a test can check what reached it.
  const requests = [];
  const server = createServer(async (req, res) => {
    requests.push(req.url);
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    let file = null;
    if (path.startsWith(prefix)) {
      const rel = normalize(path.slice(prefix.length)).replace(/^(\.\.(\/|\\|$))+/, '');
      file = await fileAt(join(dir, rel));
    }
    const status = file ? 200 : 404;
    file = file ?? join(dir, '404.html');
    try {
      const body = await readFile(file);
      res.writeHead(status, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    }
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      resolve({ url: `http://127.0.0.1:${port}${prefix}`, requests, close: () => new Promise((r) => server.close(r)) });
    });
  });
}
