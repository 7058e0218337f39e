#!/usr/bin/env bash
# What the crosscheck GitHub Action (action.yml) runs after installing crosscheck; the
# end-to-end test (scripts/e2e-gate.sh) runs this same script.
#
# Environment (set by action.yml from its inputs, and by GitHub):
#   GITHUB_EVENT_NAME     pull_request (or pull_request_target, merge_group): gate the edit;
#                         anything else (push, schedule, workflow_dispatch): check everything
#   CROSSCHECK_BASE       the base revision of a pull request (the action passes the base sha)
#   CROSSCHECK_PATHS      article folders or files, space-separated (default: the whole repository)
#   CROSSCHECK_FAIL_ON    error, warning, info or never (default: the manifest's failOn, else error)
#   CROSSCHECK_BASELINE   baseline file for `check` (used when it exists;
#                         default .crosscheck-baseline.json)
#   CROSSCHECK_SARIF      also write a SARIF report to this file when set
#   GITHUB_STEP_SUMMARY   where the markdown report goes (GitHub sets it)
#
# On a pull request it runs `crosscheck gate --base BASE --format github`: the job fails only on
# findings the edit introduces, and each is annotated once. Otherwise it runs
# `crosscheck check --format github` over the whole repository (one section per article), against
# the baseline when there is one.
set -euo pipefail

crosscheck=${CROSSCHECK:-crosscheck}
read -r -a paths <<< "${CROSSCHECK_PATHS:-}"
common=(--format github)
if [ -n "${CROSSCHECK_SARIF:-}" ]; then common+=(--format sarif --output "$CROSSCHECK_SARIF"); fi
if [ -n "${CROSSCHECK_FAIL_ON:-}" ]; then common+=(--fail-on "$CROSSCHECK_FAIL_ON"); fi

case "${GITHUB_EVENT_NAME:-}" in
  pull_request | pull_request_target | merge_group)
    base=${CROSSCHECK_BASE:?CROSSCHECK_BASE: the base revision of the pull request is not set}
    exec "$crosscheck" gate --base "$base" "${common[@]}" -- ${paths[@]+"${paths[@]}"}
    ;;
  *)
    baseline=${CROSSCHECK_BASELINE:-.crosscheck-baseline.json}
    if [ -f "$baseline" ]; then common+=(--baseline "$baseline"); fi
    if [ ${#paths[@]} = 0 ]; then paths=(.); fi
    exec "$crosscheck" check "${common[@]}" -- ${paths[@]+"${paths[@]}"}
    ;;
esac
