namespace SentinelContent.Benchmarks.Evaluator;

/// <summary>The three typical detections the evaluator is measured on.</summary>
public enum Detection
{
    /// <summary>A filter on an operation, then a filter on values extracted from dynamic paths.</summary>
    DynamicPathFilter,

    /// <summary>count() and dcount() per user and hour.</summary>
    SummarizeByUserAndHour,

    /// <summary>Deletions joined with risky sign-ins of the same user in the hour before.</summary>
    JoinWithinTimeWindow,
}
