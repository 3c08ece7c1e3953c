namespace SentinelContent.Playbooks.Simulator;

/// <summary>An expression failed at run time (a missing property read without ?, a wrong type); the action fails, as in Logic Apps.</summary>
public sealed class ExpressionRuntimeException(string message) : Exception(message);
