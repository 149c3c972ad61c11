# Sourced by the A/B benchmarks: builds a project of an older git ref from `git archive` into $WORK/<out> (once per
# ref). $WORK lies outside the repository: a second copy of the sources under it would make BenchmarkDotNet find two
# benchmark projects.
WORK=${AB_WORK:-${TMPDIR:-/tmp}/labelerrors-ab}
mkdir -p "$WORK"

# build_ref REV PROJECT OUT: PROJECT (a path in the repository) of REV, built in Release into $WORK/OUT.
build_ref() {
  local rev=$1 project=$2 out=$3
  [ -f "$WORK/$out/.built" ] && return
  rm -rf "$WORK/src-$rev" && mkdir -p "$WORK/src-$rev"
  git archive "$rev" | tar -x -C "$WORK/src-$rev"
  (cd "$WORK/src-$rev" && dotnet build -c Release "$project" -v q -nologo -o "../$out" >/dev/null)
  touch "$WORK/$out/.built"
}
