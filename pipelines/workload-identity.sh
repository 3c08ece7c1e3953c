#!/usr/bin/env bash
# Sourced inside an AzureCLI@2 task with addSpnToEnvironment: true. Hands the service connection's
# federated token to Azure.Identity's WorkloadIdentityCredential through a private file; the token is
# never echoed (Azure DevOps masks it as a secret too).
umask 077
token_file="${AGENT_TEMPDIRECTORY:-/tmp}/azure-federated-token"
printf '%s' "${idToken:?the task needs addSpnToEnvironment: true and a workload-identity service connection}" > "${token_file}"
export AZURE_FEDERATED_TOKEN_FILE="${token_file}"
export AZURE_CLIENT_ID="${servicePrincipalId}"
export AZURE_TENANT_ID="${tenantId}"
