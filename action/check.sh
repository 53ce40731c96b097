#!/usr/bin/env bash
# The check step of tolmach's GitHub Action (../action.yml). It reads the
# action's inputs from INPUT_* variables, runs one 'tolmach check' with the
# github format (workflow commands: GitHub shows the findings as annotations
# on the pull request's lines) and a SARIF report for code scanning, sets the
# step outputs sarif and exit-code, and exits with tolmach's exit code:
# 0 clean, 1 findings at or above fail-on, 2 bad input or usage.
#
# Run it by hand like this:
#   INPUT_FILES="a.ru.md a.en.md" INPUT_SARIF=tolmach.sarif action/check.sh
set -uo pipefail

files=${INPUT_FILES:-}
pairs=${INPUT_PAIRS:-}
glossary=${INPUT_GLOSSARY:-}
source_lang=${INPUT_SOURCE_LANG:-}
fail_on=${INPUT_FAIL_ON:-error}
baseline=${INPUT_BASELINE:-}
sarif=${INPUT_SARIF-tolmach.sarif} # empty: no SARIF
extra=${INPUT_ARGS:-}

# fail reports a mistake in the inputs as a workflow error and exits 2, as
# tolmach does for a usage error.
fail() {
  echo "::error title=tolmach action::$*"
  echo "tolmach action: error: $*" >&2
  exit 2
}

# expand sets paths to the whitespace-separated words of $1, a glob (**
# included) replaced by the paths it matches; a glob matching nothing is an
# error, so that a mistyped path never passes as "nothing to check".
expand() {
  local word words matches
  paths=()
  set -f
  words=($1)
  set +f
  shopt -s globstar nullglob
  for word in "${words[@]}"; do
    if [[ $word == *[*?[]* ]]; then
      matches=($word)
      ((${#matches[@]})) || fail "no file matches $word"
      paths+=("${matches[@]}")
    else
      paths+=("$word")
    fi
  done
  shopt -u globstar nullglob
}

set -f # the inputs' words are split here; globs are expanded by expand only
args=(check --format github --fail-on "$fail_on")
if [[ -n $sarif ]]; then
  mkdir -p "$(dirname "$sarif")"
  args+=(--report "sarif=$sarif")
fi
for g in $glossary; do
  args+=(--glossary "$g")
done
[[ -n $source_lang ]] && args+=(--source-lang "$source_lang")
[[ -n $baseline ]] && args+=(--baseline "$baseline")
for a in $extra; do
  args+=("$a")
done
set +f

if [[ -n $pairs && -n $files ]]; then
  fail "give 'files' or 'pairs', not both (run the action twice for both)"
elif [[ -n $pairs ]]; then
  args+=(--pairs "$pairs")
elif [[ -n $files ]]; then
  expand "$files"
  args+=(-- "${paths[@]}")
else
  fail "give 'files' (XLIFF files, or one SOURCE TARGET pair) or 'pairs' (a directory or glob of x.ru.* and x.en.* files)"
fi

echo "tolmach ${args[*]}" >&2
tolmach "${args[@]}"
code=$?
if [[ -n ${GITHUB_OUTPUT:-} ]]; then
  if [[ -n $sarif && -f $sarif ]]; then
    echo "sarif=$sarif" >>"$GITHUB_OUTPUT"
  fi
  echo "exit-code=$code" >>"$GITHUB_OUTPUT"
fi
exit "$code"
