using SentinelContent.Kql.Catalog;

namespace SentinelContent.Kql.Binding;

/// <summary>
/// Maps a call's arguments onto a signature's parameters by position: optional parameters take an
/// argument when enough remain, repeating parameters take as many as the parameters after them
/// leave, and a block of repeating parameters (case, bag_pack) repeats as a group.
/// </summary>
internal static class SignatureMatcher
{
    /// <summary>For each argument the index of its parameter, or null when the count does not fit.</summary>
    public static int[]? Map(SignatureInfo signature, int argumentCount)
    {
        var parameters = signature.Parameters;
        if (argumentCount < signature.MinArguments || argumentCount > signature.MaxArguments) return null;
        return signature.Layout == "blockRepeating" ? MapBlock(parameters, argumentCount) : MapSequential(parameters, argumentCount);
    }

    /// <summary>
    /// Every way the signature's parameters may take the arguments: the mapping of <see cref="Map"/>, and for the
    /// "custom" layout (array_sort_asc: 1..64 arrays, then an optional bool) also the one where the trailing optional
    /// parameter takes the last argument; the binder keeps the first whose types fit.
    /// </summary>
    public static IEnumerable<int[]> Maps(SignatureInfo signature, int argumentCount)
    {
        if (Map(signature, argumentCount) is not { } greedy) yield break;
        yield return greedy;
        var parameters = signature.Parameters;
        if (signature.Layout != "custom" || argumentCount < 2 || parameters.Count < 2 || !parameters[^1].Optional || greedy[^1] == parameters.Count - 1) yield break;
        var alternative = (int[])greedy.Clone();
        alternative[^1] = parameters.Count - 1;
        if (alternative.Count(p => p == greedy[^1]) >= parameters[greedy[^1]].MinOccurs) yield return alternative;
    }

    private static int[]? MapSequential(IReadOnlyList<ParameterInfo> parameters, int argumentCount)
    {
        var result = new int[argumentCount];
        var position = 0;
        for (var p = 0; p < parameters.Count; p++)
        {
            var remaining = argumentCount - position;
            var neededAfter = 0;
            for (var q = p + 1; q < parameters.Count; q++) neededAfter += parameters[q].MinOccurs;
            var available = remaining - neededAfter;
            var take = parameters[p].IsRepeating
                ? Math.Min(parameters[p].MaxOccurs, available)
                : parameters[p].Optional ? Math.Min(1, available) : 1;
            if (take < parameters[p].MinOccurs || take < 0) return null;
            for (var i = 0; i < take; i++) result[position++] = p;
        }

        return position == argumentCount ? result : null;
    }

    private static int[]? MapBlock(IReadOnlyList<ParameterInfo> parameters, int argumentCount)
    {
        var first = -1;
        var last = -1;
        for (var p = 0; p < parameters.Count; p++)
        {
            if (!parameters[p].IsRepeating) continue;
            if (first < 0) first = p;
            last = p;
        }

        if (first < 0) return MapSequential(parameters, argumentCount);
        var blockSize = last - first + 1;
        var before = first;
        var after = parameters.Count - last - 1;
        var requiredAfter = parameters.Skip(last + 1).Count(p => !p.Optional);
        for (var used = after; used >= requiredAfter; used--)
        {
            var inBlock = argumentCount - before - used;
            if (inBlock < 0 || inBlock % blockSize != 0) continue;
            var repetitions = inBlock / blockSize;
            if (repetitions < parameters[first].RepeatMin || repetitions > parameters[first].RepeatMax) continue;
            var result = new int[argumentCount];
            var position = 0;
            for (var p = 0; p < before; p++) result[position++] = p;
            for (var r = 0; r < repetitions; r++)
                for (var b = 0; b < blockSize; b++) result[position++] = first + b;
            for (var p = 0; p < used; p++) result[position++] = last + 1 + p;
            return result;
        }

        return null;
    }
}
