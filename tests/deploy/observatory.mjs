// Mozilla's HTTP Observatory scanner (the pinned npm package @mdn/mdn-http-observatory) against a server on this
// machine: prints the scan as JSON. Its CLI scans ports 80 and 443 only; its retriever takes other ports, so this
// passes them by rewriting that one call as the scanner's module loads (it stops if the call is no longer there).
// Usage: NODE_EXTRA_CA_CERTS=cert.pem node tests/deploy/observatory.mjs HOST HTTP_PORT HTTPS_PORT   (tests/test_observatory.py)
import { register } from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const [host, httpPort, httpsPort] = process.argv.slice(2);
process.env.OBSERVATORY_OPTIONS = JSON.stringify({ httpPort, httpsPort });
const CALL = "retrieve(hostname)";
const hooks = `export async function load(url, context, next) {
  const result = await next(url, context);
  if (!url.endsWith("/mdn-http-observatory/src/scanner/index.js")) return result;
  const source = String(result.source);
  if (!source.includes(${JSON.stringify(CALL)})) throw new Error("the scanner no longer calls ${CALL}: update tests/deploy/observatory.mjs");
  return { ...result, source: source.replace(${JSON.stringify(CALL)}, "retrieve(hostname, JSON.parse(process.env.OBSERVATORY_OPTIONS))") };
}`;
register("data:text/javascript," + encodeURIComponent(hooks));
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const scanner = path.join(root, "node_modules", "@mdn", "mdn-http-observatory", "src", "scanner", "index.js");
const { scan } = await import(pathToFileURL(scanner).href);
const result = await scan(host);
const tests = Object.fromEntries(Object.entries(result.tests).map(
  ([name, t]) => [name, { pass: t.pass, result: t.result, scoreModifier: t.scoreModifier }]));
console.log(JSON.stringify({ scan: { ...result.scan, responseHeaders: undefined }, tests }, null, 2));
