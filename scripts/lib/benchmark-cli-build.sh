# Sourced by the cleanlab comparison benchmarks: builds the CLI and sets CLI to the command that runs it.
# Default: published ReadyToRun for this machine's runtime identifier (precompiled code; the JIT then only
# recompiles hot methods, saving start-up CPU of a sub-second run: docs/benchmarks.md). R2R=0: the plain Release build.
if [ "${R2R:-1}" = 1 ]; then
  BENCH_CLI_DIR=.data/bench-cli-r2r
  dotnet publish src/LabelErrors.Cli -c Release -r "$(dotnet --info | sed -n 's/^ *RID: *//p' | head -1)" --self-contained false \
    -p:PublishReadyToRun=true -o "$BENCH_CLI_DIR" -v q -nologo >/dev/null
  CLI="dotnet $BENCH_CLI_DIR/labelerrors.dll"
else
  dotnet build -c Release src/LabelErrors.Cli -v q -nologo >/dev/null
  CLI="dotnet src/LabelErrors.Cli/bin/Release/net10.0/labelerrors.dll"
fi
