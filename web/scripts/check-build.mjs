// Rebuilds the app into a scratch directory and fails when the committed build (app/web/dist)
// differs from it: the shipped files must be what the sources build to.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const web = fileURLToPath(new URL("..", import.meta.url));
const committed = join(web, "..", "app", "web", "dist");
const scratch = mkdtempSync(join(tmpdir(), "labbook-web-"));

function files(root) {
  const out = new Map();
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else out.set(relative(root, path), readFileSync(path));
    }
  };
  walk(root);
  return out;
}

try {
  execFileSync(join(web, "node_modules", ".bin", "vite"), ["build", "--outDir", scratch, "--emptyOutDir", "--logLevel", "error"], {
    cwd: web,
    stdio: "inherit",
  });
  const built = files(scratch);
  const shipped = files(committed);
  const problems = [];
  for (const [name, content] of built) {
    if (!shipped.has(name)) problems.push(`missing from app/web/dist: ${name}`);
    else if (!shipped.get(name).equals(content)) problems.push(`differs from the sources' build: ${name}`);
  }
  for (const name of shipped.keys()) if (!built.has(name)) problems.push(`not built from the sources (stale): ${name}`);
  if (problems.length) {
    console.error(problems.join("\n"));
    console.error("app/web/dist is out of date: run `npm run build` in web/ and commit app/web/dist.");
    process.exit(1);
  }
  console.log(`app/web/dist matches the sources (${built.size} files)`);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
