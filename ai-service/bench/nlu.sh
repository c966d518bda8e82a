#!/usr/bin/env bash
# Bench "nlu": offline intent at 100 req/s over the labelled test set (three menus, 302 items),
# intent accuracy, item F1, and cost per 1,000 customer messages through the provider cascade.
# Appends its figures to docs/benchmarks.jsonl. Options: NLU_RATE (req/s), NLU_SECONDS (measured seconds).
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -B -q -pl ai-service test \
  -Dtest=NluBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Dnlu.rate="${NLU_RATE:-100}" -Dnlu.seconds="${NLU_SECONDS:-30}" \
  -DtrimStackTrace=false 2>&1 | grep -E '^(nlu|quality|cascade)|ERROR|FAIL' || true
tail -n 9 docs/benchmarks.jsonl
