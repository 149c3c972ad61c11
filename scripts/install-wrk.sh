#!/usr/bin/env bash
# Install wrk (HTTP load generator, from Debian) for scripts/load/*.sh. Idempotent.
set -euo pipefail
"$(dirname "${BASH_SOURCE[0]}")/ensure-packages.sh" wrk
wrk --version 2>&1 | head -1 || true
