#!/usr/bin/env bash
# Radial-only vs radial+angular softness models on the bundled 480-atom LiBP sample (a 3000 K melt, 10 frames 0.2 ps
# apart; a demo input, not a glass). Groups are five time windows: the structure of frame k (k = 0..4) with the Li
# mobility label of frames k..k+5 (D_cum, top 30 % mobile). Leave-one-window-out over k = 0..3, test window k = 4.
# The windows share atoms and overlap in time, so the groups are not independent samples: a demonstration of the
# pipeline and a weak check, not a result about glasses. Usage: bench/angular/sample-comparison.sh [OUT]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
out="${1:-$(mktemp -d)}"
gs="$here/glass-softness"
sample="$here/core/src/main/resources/org/glasssoftness/core/sample/libp-sample.dump.gz"
tm="1=Li,2=B,3=O,4=P"
feats=()
labels=()
for k in 0 1 2 3 4; do
  "$gs" d-cum --input "$sample" --type-map "$tm" --first-frame "$k" --last-frame $((k + 5)) --label top:0.3 --out "$out/w$k/dcum" >/dev/null
  awk -v s="w$k" 'NR == 1 {print "sample," $0; next} {print s "," $0}' "$out/w$k/dcum/d_cum.csv" > "$out/w$k/labels.csv"
  "$gs" radial-features --dump "$sample" --type-map "$tm" --focus Li --neighbours Li,B,O,P --dr 0.5 --rc 5 \
    --frame "$k" --angular --sample "w$k" --out "$out/w$k" >/dev/null
  feats+=("$out/w$k/features.csv")
  labels+=("$out/w$k/labels.csv")
done
join() { local IFS=,; echo "$*"; }
"$gs" compare-features --features "$(join "${feats[@]}")" --labels "$(join "${labels[@]}")" --label-column mobile \
  --test-groups w4 --C "${C:-0.1}" --class-weight balanced --out "$out/compare" 2>/dev/null
echo "tables: $out/compare"
