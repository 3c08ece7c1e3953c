namespace SentinelContent.Core.Diagnostics;

/// <summary>
/// One kind of finding, with a stable code. Every descriptor is documented in docs/diagnostics.md,
/// which is generated from these objects, so the code, its title and its advice live in one place.
/// </summary>
/// <param name="Code">Stable identifier, "SC" and four digits (SC0001).</param>
/// <param name="Title">A short name for the rule that was broken.</param>
/// <param name="MessageFormat">A composite format string for the message; arguments fill it.</param>
/// <param name="DefaultSeverity">The severity a finding of this kind has.</param>
/// <param name="Category">The area the code belongs to (Input, Rule, Kql, ...).</param>
/// <param name="Help">What the check is about and what to write instead, for the documentation.</param>
public sealed record DiagnosticDescriptor(
    string Code,
    string Title,
    string MessageFormat,
    DiagnosticSeverity DefaultSeverity,
    string Category,
    string Help)
{
    public string FormatMessage(params object?[] args) =>
        args.Length == 0 ? MessageFormat : string.Format(System.Globalization.CultureInfo.InvariantCulture, MessageFormat, args);
}
