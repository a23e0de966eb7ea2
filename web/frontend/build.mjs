// Bundles src/entries/*.js (one per page: each calls its page module's init(root)) into ../static/vendor/ (git-ignored) with esbuild.
// Deterministic: fixed options, no timestamps, hashed shared chunks, output folder wiped first.
// Usage: npm run build            (minified, with source maps)
//        npm run build -- --watch (rebuild on change, for development)
import { build, context } from "esbuild";
import { rmSync, mkdirSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const outdir = join(here, "..", "static", "vendor");
const entries = join(here, "src", "entries");
const watch = process.argv.includes("--watch");

const options = {
  entryPoints: readdirSync(entries).filter((f) => f.endsWith(".js")).sort().map((f) => join(entries, f)),
  outdir,
  bundle: true,
  format: "esm",
  splitting: true,
  target: ["es2020", "chrome100", "firefox100", "safari15"],
  entryNames: "[name]",
  chunkNames: "chunks/[name]-[hash]",
  minify: !watch,
  sourcemap: "linked",
  sourcesContent: false,
  legalComments: "eof",
  charset: "utf8",
  logLevel: "info",
  define: { "process.env.NODE_ENV": '"production"' },
};

rmSync(outdir, { recursive: true, force: true });
mkdirSync(outdir, { recursive: true });
if (watch) {
  const ctx = await context(options);
  await ctx.watch();
} else {
  await build(options);
}
