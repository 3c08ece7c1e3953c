namespace SentinelContent.Content.Validation;

/// <summary>The name rules Sentinel's rule validation applies to custom-detail keys and column references.</summary>
public static class ColumnNames
{
    public const int MaxColumnNameLength = 500;
    public const int MaxCustomDetailKeyLength = 20;

    /// <summary>^[a-zA-Z]+\w*$ with ASCII word characters, at most 20 characters.</summary>
    public static bool IsValidCustomDetailKey(string key) =>
        key.Length is > 0 and <= MaxCustomDetailKeyLength && char.IsAsciiLetter(key[0]) && key.All(IsAsciiWordCharacter);

    /// <summary>^[a-zA-Z_]+\w*$ with ASCII word characters, at most 500 characters (Log Analytics' column name limit).</summary>
    public static bool IsValidColumnName(string name) =>
        name.Length is > 0 and <= MaxColumnNameLength && (char.IsAsciiLetter(name[0]) || name[0] == '_') && name.All(IsAsciiWordCharacter);

    private static bool IsAsciiWordCharacter(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';
}
