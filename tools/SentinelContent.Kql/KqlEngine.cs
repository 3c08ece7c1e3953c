namespace SentinelContent.Kql;

/// <summary>Placeholder so the project builds; the KQL front end fills this library.</summary>
internal static class KqlEngine;
