using Azure.Core;
using Azure.Identity;

namespace SentinelContent.Deploy.Arm;

/// <summary>How the deployer signs in to Azure.</summary>
public enum CredentialKind
{
    /// <summary>DefaultAzureCredential: environment, workload identity, managed identity, Azure CLI... in Azure.Identity's order.</summary>
    Default,

    /// <summary>Workload identity federation (OIDC from GitHub Actions or Azure DevOps): AZURE_CLIENT_ID, AZURE_TENANT_ID, AZURE_FEDERATED_TOKEN_FILE.</summary>
    WorkloadIdentity,

    /// <summary>The signed-in Azure CLI (`az login`) on a workstation.</summary>
    AzureCli,

    /// <summary>The emulator's fixed development token; only allowed for a loopback endpoint.</summary>
    Development,
}

public static class Credentials
{
    public static TokenCredential Create(CredentialKind kind) => kind switch
    {
        CredentialKind.WorkloadIdentity => new WorkloadIdentityCredential(),
        CredentialKind.AzureCli => new AzureCliCredential(),
        CredentialKind.Development => new DevelopmentCredential(),
        _ => new DefaultAzureCredential(),
    };
}
