#!/usr/bin/env bash
# `npm test`: everything CI runs, in order. Every step runs even when an earlier one fails, so one
# run shows all problems; the last line is the plain count CI reads: "N passed, N failed, N skipped".
set -u
cd "$(dirname "$0")/.."
mkdir -p reports
rm -f reports/vitest.json reports/playwright.json reports/steps.txt

step() {
  local name="$1"; shift
  echo "── ${name}"
  if "$@"; then echo "pass ${name}" >> reports/steps.txt; else echo "fail ${name}" >> reports/steps.txt; fi
}

step lint npx eslint . --max-warnings 0
step typecheck npm run --silent typecheck
step schema-drift node scripts/check-migrations.mjs
step build npm run --silent build
step vitest npx vitest run --reporter=default --reporter=json --outputFile.json=reports/vitest.json
step playwright npx playwright test
step electronegativity node scripts/electronegativity.mjs

node scripts/summarize-tests.mjs
