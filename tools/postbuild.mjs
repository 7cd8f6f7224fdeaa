// Trunk's post-build step, run in the staging folder of every build:
// 1. puts a Content-Security-Policy in index.html that allows only the app's own files, the
//    exact inline start-up script Trunk writes (by its hash) and WebAssembly;
// 2. writes sw.js from tools/sw.js with the list of every built file and its integrity hash,
//    and a version derived from their contents, so a new build is a new service worker and an
//    unchanged one is not; index.html names the same version;
// 3. copies index.html to 404.html, which GitHub Pages serves for deep links.
import { createHash } from 'node:crypto';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';

const staging = process.env.TRUNK_STAGING_DIR;
const source = process.env.TRUNK_SOURCE_DIR ?? process.cwd();
if (!staging) throw new Error('TRUNK_STAGING_DIR is not set: run this from a Trunk hook');

const sha256 = (text) => createHash('sha256').update(text).digest('base64');

async function filesUnder(dir) {
  const out = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await filesUnder(path)));
    else out.push(path);
  }
  return out;
}

// 1. The policy. Trunk writes one inline module script that loads the wasm; its hash is the
// only inline script allowed. 'wasm-unsafe-eval' is what compiling WebAssembly needs. Only
// release builds get it: `trunk serve` injects its own reload script into debug builds.
const release = process.env.TRUNK_PROFILE === 'release';
const indexPath = join(staging, 'index.html');
let html = await readFile(indexPath, 'utf8');
// A nonce fixed at build time protects nothing; the hash below is what allows the script.
html = html.replace(/\snonce="?[^\s">]*"?/g, '');
const inline = [...html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => `'sha256-${sha256(m[1])}'`);
const policy = [
  "default-src 'self'",
  `script-src 'self' 'wasm-unsafe-eval' ${inline.join(' ')}`.trim(),
  "style-src 'self'",
  "img-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');
const meta = `<meta http-equiv="Content-Security-Policy" content="${policy}">`;
if (release) {
  if (html.includes('http-equiv="Content-Security-Policy"')) throw new Error('index.html already has a policy');
  // The policy must come before every script and style it governs: right after the charset.
  html = html.replace(/(<meta charset=[^>]*>)/i, `$1${meta}`);
  if (!html.includes(meta)) throw new Error('no <meta charset> found to put the policy after');
  await writeFile(indexPath, html);
}

// 2. The service worker, listing every file the app needs to start and run offline: not
// itself, the 404 page, or the install-time images (icons and screenshots the browser fetches
// once when the app is installed), which would only make the first visit heavier.
const files = (await filesUnder(staging))
  .map((path) => relative(staging, path).split('\\').join('/'))
  .filter((name) => !['sw.js', '404.html', 'robots.txt'].includes(name))
  .filter((name) => !name.startsWith('icons/') && !name.startsWith('screenshots/'))
  .sort();
// The version is derived from every file's contents, so a new build is a new worker and an
// unchanged one is not.
const digest = createHash('sha256');
for (const name of files) digest.update(name).update(await readFile(join(staging, name)));
const version = digest.digest('hex').slice(0, 16);
// The page names its version too: a page that already runs the version a waiting worker
// brings (fetched from the network while the old worker was in charge) lets it take over
// without offering an update it already has.
html = html.replace(/(<meta charset=[^>]*>)/i, `$1<meta name="factuurwacht-build" content="${version}">`);
if (!html.includes(`content="${version}"`)) throw new Error('no <meta charset> found to put the build version after');
await writeFile(indexPath, html);
// Each file with its subresource-integrity hash: the worker installs a version only when every
// file it fetched is exactly this build's, so a file cut short, or one of a deployment made
// while it was installing, fails the install and the version in use stays.
const listed = [];
for (const name of files) {
  const bytes = await readFile(join(staging, name));
  listed.push([name, `sha256-${sha256(bytes)}`]);
}
const template = await readFile(join(source, 'tools/sw.js'), 'utf8');
const worker = template.replace("'__VERSION__'", JSON.stringify(version)).replace('__FILES__', JSON.stringify(listed));
await writeFile(join(staging, 'sw.js'), worker);

// 3. Deep links on GitHub Pages.
await writeFile(join(staging, '404.html'), html);
console.log(
  `post-build: ${release ? `policy with ${inline.length} inline script hash(es)` : 'no policy (debug build)'}; ` +
    `sw.js ${version} precaches ${files.length} files`,
);
