#!/usr/bin/env bash
# Bench "nlu": intent accuracy, item F1 and abstention on the fresh set (never used to train or tune),
# k-fold cross-validation of the classifier on its training corpus, offline intent at 100 req/s over
# the fresh set's messages (three menus, 302 items),
# and the cost per 1,000 customer messages through the provider cascade.
# Appends its figures to docs/benchmarks.jsonl. Options: NLU_RATE (req/s), NLU_SECONDS (measured seconds).
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -B -q -pl ai-service -am test \
  -Dtest=NluBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Dnlu.rate="${NLU_RATE:-100}" -Dnlu.folds="${NLU_FOLDS:-5}" -Dnlu.seconds="${NLU_SECONDS:-30}" \
  -DtrimStackTrace=false 2>&1 | grep -E '^(nlu|quality|cascade|cross-validation|  threshold)|ERROR|FAIL' || true
tail -n 18 docs/benchmarks.jsonl
