using SentinelContent.Core.Diagnostics;
using SentinelContent.Core.Text;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace SentinelContent.Core.Yaml;

/// <summary>Bounds that keep a hostile file from exhausting the stack or memory.</summary>
/// <param name="MaxDepth">Deepest nesting of lists and mappings accepted.</param>
/// <param name="MaxNodes">Most nodes a document may have, counting each alias use as a copy of what it names.</param>
public sealed record YamlReadLimits(int MaxDepth = 64, int MaxNodes = 200_000)
{
    public static YamlReadLimits Default { get; } = new();
}

/// <summary>
/// Builds a position-keeping node tree from YamlDotNet's event stream. It is iterative (a stack, no
/// recursion), so depth is bounded by <see cref="YamlReadLimits"/> and not by the thread's stack, and it
/// counts alias expansions so a "billion laughs" file is refused instead of expanded.
/// </summary>
public static class YamlReader
{
    public static YamlNode? Read(SourceText source, IList<Diagnostic> diagnostics, YamlReadLimits? limits = null)
    {
        limits ??= YamlReadLimits.Default;
        var builder = new TreeBuilder(source, diagnostics, limits);
        try
        {
            return builder.Build();
        }
        catch (YamlException e)
        {
            var at = ToPosition(e.Start);
            diagnostics.Add(Diagnostic.Create(InputDiagnostics.InvalidYaml, new SourceLocation(source, at, at), CleanMessage(e.Message)));
            return null;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or FormatException or OverflowException)
        {
            // YamlDotNet's scanner throws these on some malformed input instead of a YamlException;
            // the last event it produced is the best position we have.
            var at = builder.LastPosition;
            diagnostics.Add(Diagnostic.Create(InputDiagnostics.InvalidYaml, new SourceLocation(source, at, at), "the parser could not read past this point"));
            return null;
        }
    }

    internal static LinePosition ToPosition(Mark mark) => new((int)Math.Max(1, mark.Line), (int)Math.Max(1, mark.Column));

    /// <summary>YamlDotNet prefixes its messages with the position, which the diagnostic already carries.</summary>
    private static string CleanMessage(string message)
    {
        var close = message.IndexOf("): ", StringComparison.Ordinal);
        return message.StartsWith('(') && close > 0 ? message[(close + 3)..] : message;
    }

    private sealed class TreeBuilder(SourceText source, IList<Diagnostic> diagnostics, YamlReadLimits limits)
    {
        private readonly Dictionary<string, (YamlNode Node, long Size)> _anchors = new(StringComparer.Ordinal);
        private readonly Stack<OpenCollection> _open = new();
        private long _nodeCount;

        /// <summary>Where the last event ended, for errors the parser reports without a position.</summary>
        public LinePosition LastPosition { get; private set; } = new(1, 1);

        public YamlNode? Build()
        {
            var parser = new Parser(new StringReader(source.Content));
            parser.Consume<StreamStart>();
            if (parser.Accept<StreamEnd>(out _))
            {
                diagnostics.Add(Diagnostic.Create(InputDiagnostics.EmptyDocument, SourceLocation.FileOnly(source.Path) with { Source = source }));
                return null;
            }

            parser.Consume<DocumentStart>();
            YamlNode? root = null;
            while (!parser.Accept<DocumentEnd>(out _))
            {
                var evt = parser.Consume<ParsingEvent>();
                LastPosition = ToPosition(evt.End);
                if (!Handle(evt, ref root)) return null;
            }
            parser.Consume<DocumentEnd>();
            if (parser.Accept<DocumentStart>(out var second))
            {
                var at = ToPosition(second.Start);
                diagnostics.Add(Diagnostic.Create(InputDiagnostics.MultipleDocuments, new SourceLocation(source, at, at)));
            }
            return root;
        }

        /// <summary>Folds one event into the tree; false when a limit stopped the read.</summary>
        private bool Handle(ParsingEvent evt, ref YamlNode? root)
        {
            switch (evt)
            {
                case Scalar scalar:
                    return Complete(MakeScalar(scalar), 1, AnchorOf(scalar.Anchor), ref root);
                case AnchorAlias alias:
                    if (!_anchors.TryGetValue(alias.Value.Value, out var target))
                    {
                        Report(InputDiagnostics.InvalidYaml, alias, $"the alias '*{alias.Value.Value}' names no anchor defined before it");
                        return false;
                    }
                    return Complete(target.Node, target.Size, null, ref root);
                case SequenceStart seq:
                    return Open(new OpenCollection(seq, AnchorOf(seq.Anchor), IsMapping: false));
                case MappingStart map:
                    return Open(new OpenCollection(map, AnchorOf(map.Anchor), IsMapping: true));
                case SequenceEnd or MappingEnd:
                    var open = _open.Pop();
                    var node = open.Close(source, evt);
                    return Complete(node, open.Size + 1, open.Anchor, ref root);
                default:
                    return true;
            }
        }

        private static string? AnchorOf(AnchorName anchor) => anchor.IsEmpty ? null : anchor.Value;

        private bool Open(OpenCollection collection)
        {
            if (_open.Count >= limits.MaxDepth)
            {
                Report(InputDiagnostics.NestingTooDeep, collection.StartEvent, limits.MaxDepth);
                return false;
            }
            _open.Push(collection);
            return true;
        }

        private bool Complete(YamlNode node, long size, string? anchor, ref YamlNode? root)
        {
            _nodeCount += size;
            if (_nodeCount > limits.MaxNodes)
            {
                diagnostics.Add(Diagnostic.Create(InputDiagnostics.TooManyNodes, node.Location, limits.MaxNodes));
                return false;
            }
            if (anchor is not null) _anchors[anchor] = (node, size);
            if (_open.Count == 0)
            {
                root = node;
                return true;
            }
            var parent = _open.Peek();
            parent.Size += size;
            return parent.Add(node, diagnostics);
        }

        private YamlScalar MakeScalar(Scalar scalar)
        {
            var style = scalar.Style switch
            {
                ScalarStyle.SingleQuoted => YamlScalarStyle.SingleQuoted,
                ScalarStyle.DoubleQuoted => YamlScalarStyle.DoubleQuoted,
                ScalarStyle.Literal => YamlScalarStyle.Literal,
                ScalarStyle.Folded => YamlScalarStyle.Folded,
                _ => YamlScalarStyle.Plain,
            };
            var tag = scalar.Tag.IsEmpty ? null : scalar.Tag.Value;
            return new YamlScalar(new SourceLocation(source, ToPosition(scalar.Start), ToPosition(scalar.End)), scalar.Value, style, tag);
        }

        private void Report(DiagnosticDescriptor descriptor, ParsingEvent at, params object?[] args)
        {
            var position = ToPosition(at.Start);
            diagnostics.Add(Diagnostic.Create(descriptor, new SourceLocation(source, position, position), args));
        }
    }

    /// <summary>A list or mapping whose end event has not come yet.</summary>
    private sealed class OpenCollection(ParsingEvent startEvent, string? anchor, bool IsMapping)
    {
        private readonly List<YamlNode> _items = [];
        private readonly List<YamlEntry> _entries = [];
        private readonly Dictionary<string, YamlScalar> _keys = new(StringComparer.Ordinal);
        private YamlScalar? _pendingKey;
        private bool _skipNextValue;

        public ParsingEvent StartEvent { get; } = startEvent;

        public string? Anchor { get; } = anchor;

        public long Size { get; set; }

        public bool Add(YamlNode node, IList<Diagnostic> diagnostics)
        {
            if (!IsMapping)
            {
                _items.Add(node);
                return true;
            }
            if (_pendingKey is null && !_skipNextValue)
            {
                if (node is not YamlScalar key)
                {
                    diagnostics.Add(Diagnostic.Create(InputDiagnostics.UnsupportedKey, node.Location));
                    _skipNextValue = true;
                    return true;
                }
                if (_keys.TryGetValue(key.Value, out var first))
                {
                    diagnostics.Add(Diagnostic.Create(InputDiagnostics.DuplicateKey, key.Location, key.Value, first.Location.Start.Line));
                    _skipNextValue = true;
                    return true;
                }
                _keys[key.Value] = key;
                _pendingKey = key;
                return true;
            }
            if (_skipNextValue)
            {
                _skipNextValue = false;
                return true;
            }
            _entries.Add(new YamlEntry(_pendingKey!, node));
            _pendingKey = null;
            return true;
        }

        public YamlNode Close(SourceText source, ParsingEvent endEvent)
        {
            var location = new SourceLocation(source, YamlReader.ToPosition(StartEvent.Start), YamlReader.ToPosition(endEvent.End));
            return IsMapping ? new YamlMapping(location, _entries) : new YamlSequence(location, _items);
        }
    }
}
