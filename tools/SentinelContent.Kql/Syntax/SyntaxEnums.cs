namespace SentinelContent.Kql.Syntax;

/// <summary>join's and lookup's kind= values, one member per meaning (anti and leftantisemi are LeftAnti).</summary>
public enum JoinKind
{
    InnerUnique,
    Inner,
    LeftOuter,
    RightOuter,
    FullOuter,
    LeftAnti,
    RightAnti,
    LeftSemi,
    RightSemi,
}

/// <summary>union's kind= values.</summary>
public enum UnionKind
{
    Outer,
    Inner,
}

/// <summary>The order an ordered expression asks for; Unspecified leaves the operator's default (sort: descending).</summary>
public enum SortDirection
{
    Unspecified,
    Ascending,
    Descending,

    /// <summary>granny-asc (project-reorder): runs of digits compare as numbers.</summary>
    NaturalAscending,

    /// <summary>granny-desc (project-reorder).</summary>
    NaturalDescending,
}

/// <summary>Where nulls go: `nulls first`, `nulls last`, or the direction's default (first ascending, last descending).</summary>
public enum NullsOrder
{
    Unspecified,
    First,
    Last,
}

/// <summary>The text of the enums' syntax: one place that maps keywords and kind= words to members.</summary>
public static class SyntaxEnums
{
    /// <summary>The join kind a kind= word names (lower-cased first, as the planner always read it), or null for an unknown word.</summary>
    public static JoinKind? ParseJoinKind(string text) => text.ToLowerInvariant() switch
    {
        "innerunique" => JoinKind.InnerUnique,
        "inner" => JoinKind.Inner,
        "leftouter" => JoinKind.LeftOuter,
        "rightouter" => JoinKind.RightOuter,
        "fullouter" => JoinKind.FullOuter,
        "leftanti" or "anti" or "leftantisemi" => JoinKind.LeftAnti,
        "rightanti" or "rightantisemi" => JoinKind.RightAnti,
        "leftsemi" => JoinKind.LeftSemi,
        "rightsemi" => JoinKind.RightSemi,
        _ => null,
    };

    /// <summary>The canonical kind= word of a join kind (what --explain prints).</summary>
    public static string Text(this JoinKind kind) => kind.ToString().ToLowerInvariant();

    /// <summary>The direction a keyword token gives (asc, desc, granny-asc, granny-desc).</summary>
    public static SortDirection DirectionOf(SyntaxKind keyword) => keyword switch
    {
        SyntaxKind.AscKeyword => SortDirection.Ascending,
        SyntaxKind.DescKeyword => SortDirection.Descending,
        SyntaxKind.GrannyAscKeyword => SortDirection.NaturalAscending,
        SyntaxKind.GrannyDescKeyword => SortDirection.NaturalDescending,
        _ => SortDirection.Unspecified,
    };

    /// <summary>True when the direction sorts high to low; Unspecified takes <paramref name="defaultDescending"/>.</summary>
    public static bool IsDescending(this SortDirection direction, bool defaultDescending) => direction switch
    {
        SortDirection.Ascending or SortDirection.NaturalAscending => false,
        SortDirection.Descending or SortDirection.NaturalDescending => true,
        _ => defaultDescending,
    };

    /// <summary>Kusto puts nulls first in ascending order and last in descending order unless told.</summary>
    public static bool NullsFirst(this NullsOrder nulls, bool descending) => nulls switch
    {
        NullsOrder.First => true,
        NullsOrder.Last => false,
        _ => !descending,
    };
}
