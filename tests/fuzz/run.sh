#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, ASan + UBSan, coverage-guided) in build-fuzz/ and runs each
# for SECONDS (default 60) on a corpus seeded from the golden cases and the fuzz regressions.
# Needs clang and its runtime libraries: apt-get install clang libclang-rt-14-dev
#   tests/fuzz/run.sh [SECONDS] [TARGET...]      TARGET: question plan loader (default: all)
# A crashing input is written to build-fuzz/artifacts/; add it to tests/cases/fuzz_regressions/
# (see docs/security.md) so the suite replays it on every run.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-60}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(question plan loader)
build=${VIDEOBOT_FUZZ_BUILD:-build-fuzz}  # another directory: VIDEOBOT_FUZZ_BUILD=…
command -v clang++ >/dev/null || { echo "fuzz: clang++ not found (apt-get install clang libclang-rt-14-dev)" >&2; exit 1; }

CC=clang CXX=clang++ cmake -S tests/fuzz -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$build" -j2 --target videobot question_fuzzer plan_fuzzer loader_fuzzer

corpus=$build/corpus
mkdir -p "$corpus/question" "$corpus/plan" "$corpus/loader" "$build/artifacts"
python3 - "$corpus" <<'PY'
import glob, hashlib, json, os, sys
corpus = sys.argv[1]
def put(kind, data):
    name = hashlib.sha1(data).hexdigest()
    with open(os.path.join(corpus, kind, name), "wb") as out:
        out.write(data)
def unescape(text):
    out, i = bytearray(), 0
    while i < len(text):
        c = text[i]
        if c != "\\":
            out += c.encode(); i += 1; continue
        k = text[i + 1]
        if k == "x":
            out.append(int(text[i + 2:i + 4], 16)); i += 4; continue
        out += {"\\": b"\\", "n": b"\n", "t": b"\t", "r": b"\r", "0": b"\0"}[k]; i += 2
    return bytes(out)
for path in sorted(glob.glob("tests/cases/nl/*.tsv")):
    for line in open(path, encoding="utf-8"):
        if "\t" in line and line[0] not in "#@":
            question, plan = line.rstrip("\n").split("\t", 1)
            put("question", question.encode())
            if plan.startswith("{"):
                put("plan", plan.encode())
for item in json.load(open("tests/cases/sql/golden.json", encoding="utf-8")):
    put("plan", json.dumps(item["plan"]).encode())
for kind, file in (("question", "questions.tsv"), ("plan", "plans.tsv")):
    for line in open("tests/cases/fuzz_regressions/" + file, encoding="utf-8"):
        if "\t" in line and not line.startswith("#"):
            put(kind, unescape(line.rstrip("\n").split("\t", 1)[1]))
for path in glob.glob("tests/cases/fuzz_regressions/documents/*.json"):
    put("loader", open(path, "rb").read())
PY
"$build/videobot" generate --videos 2 --creators 1 --seed 7 > "$corpus/loader/generated"

status=0
for target in "${targets[@]}"; do
  echo "fuzz: $target for ${seconds}s" >&2
  max_len=4096
  [ "$target" = loader ] && max_len=65536
  "$build/${target}_fuzzer" -max_total_time="$seconds" -max_len="$max_len" -timeout=10 -rss_limit_mb=4096 \
    -artifact_prefix="$build/artifacts/${target}-" -print_final_stats=1 "$corpus/$target" || status=$?
done
exit $status
