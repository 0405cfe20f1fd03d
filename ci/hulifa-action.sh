#!/usr/bin/env bash
# The script step of action.yml (the composite GitHub Action), kept here so it can run anywhere:
# tests/test_ci_templates.py runs it locally with GITHUB_STEP_SUMMARY and GITHUB_OUTPUT set.
# Inputs arrive as environment variables: HULIFA_PATH, HULIFA_SARIF, HULIFA_ARGS (split on spaces).
set -u
sarif="${HULIFA_SARIF:-hulifa.sarif}"
# --format github: annotations on the changed lines, and the step summary (GITHUB_STEP_SUMMARY);
# --format sarif: the file the next step uploads to code scanning. --force: a re-run replaces it.
# shellcheck disable=SC2086  # HULIFA_ARGS is a list of options on purpose
hulifa check ${HULIFA_PATH:-.} --format github --format sarif --output "sarif=$sarif" --force ${HULIFA_ARGS:-}
code=$?
if [ -n "${GITHUB_OUTPUT:-}" ]; then
  echo "exit-code=$code" >> "$GITHUB_OUTPUT"
  echo "sarif=$sarif" >> "$GITHUB_OUTPUT"
fi
exit "$code"
