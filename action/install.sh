#!/usr/bin/env bash
# The install step of tolmach's GitHub Action (../action.yml): builds tolmach
# with 'go install' from the action's own checkout, so the version run is
# the one the workflow pinned ('uses: tolmach/tolmach@vX.Y.Z'), and puts it
# on the job's PATH. Outside Actions it installs from this repository into
# $TMPDIR/tolmach-bin.
set -euo pipefail

src=${GITHUB_ACTION_PATH:-$(cd "$(dirname "$0")/.." && pwd)}
bin=${RUNNER_TEMP:-${TMPDIR:-/tmp}}/tolmach-bin
mkdir -p "$bin"
(cd "$src" && GOBIN="$bin" go install ./cmd/tolmach)
if [[ -n ${GITHUB_PATH:-} ]]; then
  echo "$bin" >>"$GITHUB_PATH"
fi
echo "tolmach installed in $bin: $("$bin/tolmach" --version)"
