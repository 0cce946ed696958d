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
schema = json.load(open("schema/plan.schema.json", encoding="utf-8"))
def expand(value, node):
    # A golden record's compact plan back to the full document the schema requires: a left-out
    # key is null, an empty list, or (for "filters") an object of left-out keys.
    nullable = "anyOf" in node or None in node.get("enum", []) or "null" in node.get("type", [])
    while "$ref" in node or "anyOf" in node:
        node = schema["$defs"][node["$ref"].rsplit("/", 1)[1]] if "$ref" in node else \
            next((b for b in node["anyOf"] if "$ref" in b or b.get("type") == "object"), {})
    if value is None and "required" in node and not nullable:
        value = {}
    if not isinstance(value, dict) or "required" not in node:
        return value
    return {key: expand(value.get(key), node["properties"][key]) if key in value or
            "$ref" in node["properties"][key] else
            ([] if node["properties"][key].get("type") == "array" else None) for key in node["required"]}
for path in sorted(glob.glob("tests/cases/golden/*.test")):
    for line in open(path, encoding="utf-8"):
        key, _, value = line.rstrip("\n").partition(" ")
        if key == "question":
            put("question", value.encode())
        elif key == "plan":
            put("plan", json.dumps(expand(json.loads(value), schema), ensure_ascii=False).encode())
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
