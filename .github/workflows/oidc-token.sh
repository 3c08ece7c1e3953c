#!/usr/bin/env bash
# Fetches the job's GitHub OIDC token for Entra ID (audience api://AzureADTokenExchange) into a file and
# points Azure.Identity's WorkloadIdentityCredential at it (AZURE_FEDERATED_TOKEN_FILE). The token is
# masked in the log and lives only in the runner's temp folder for this job.
set -euo pipefail
if [ -z "${ACTIONS_ID_TOKEN_REQUEST_URL:-}" ]; then
  echo "error: no OIDC token available; the job needs 'permissions: id-token: write'" >&2
  exit 1
fi
token=$(curl -sSf -H "Authorization: bearer ${ACTIONS_ID_TOKEN_REQUEST_TOKEN}" \
  "${ACTIONS_ID_TOKEN_REQUEST_URL}&audience=api://AzureADTokenExchange" | jq -r .value)
echo "::add-mask::${token}"
file="${RUNNER_TEMP}/azure-federated-token"
umask 077
printf '%s' "${token}" > "${file}"
echo "AZURE_FEDERATED_TOKEN_FILE=${file}" >> "${GITHUB_ENV}"
