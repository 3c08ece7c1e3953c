namespace SentinelContent.Deploy.Arm;

/// <summary>
/// ARM refused a request. Carries ARM's own error code and message (from the standard error body
/// <c>{"error":{"code","message"}}</c>) and never the request's headers, so no token can leak through it.
/// </summary>
public sealed class ArmRequestException(int status, string code, string message, string method, string path)
    : Exception($"{method} {path}: HTTP {status} {code}: {message}")
{
    public int Status { get; } = status;

    public string Code { get; } = code;

    public string ArmMessage { get; } = message;

    public bool IsPreconditionFailed => Status == 412;

    public bool IsNotFound => Status == 404;
}
