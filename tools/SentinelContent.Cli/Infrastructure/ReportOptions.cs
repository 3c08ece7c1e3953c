using System.CommandLine;
using SentinelContent.Reporting;
using SentinelContent.Reporting.TestResults;

namespace SentinelContent.Cli.Infrastructure;

/// <summary>The output options every checking command shares: format, output file, colour and strictness.</summary>
public sealed class ReportOptions
{
    public Option<ReportFormat> Format { get; } = new("--format", "-f")
    {
        Description = "Output format: text (compiler style, default), json (stable contract), junit (CI test results) or sarif (code scanning, SARIF 2.1.0).",
        DefaultValueFactory = _ => ReportFormat.Text,
    };

    public Option<string?> Output { get; } = new("--output", "-o")
    {
        Description = "Write the report to this file instead of standard output (written whole or not at all).",
    };

    public Option<bool> WarningsAsErrors { get; } = new("--warnings-as-errors")
    {
        Description = "Exit with 1 when there are warnings, not only errors.",
    };

    public Option<ColorMode> Color { get; } = new("--color")
    {
        Description = "Colour in text output: auto (on a terminal, unless NO_COLOR is set), always or never.",
        DefaultValueFactory = _ => ColorMode.Auto,
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Format);
        command.Options.Add(Output);
        command.Options.Add(WarningsAsErrors);
        command.Options.Add(Color);
    }

    /// <summary>Writes the report where the user asked and returns the exit code it implies.</summary>
    public int Emit(ParseResult parse, CliContext context, DiagnosticReport report)
    {
        var format = parse.GetValue(Format);
        var reporter = Reporters.For(format, UseColor(parse, context));
        Write(parse, context, writer => reporter.Write(report, writer), $"{report.Command}: {report.Errors} error(s), {report.Warnings} warning(s)");
        return ExitCode(parse, report, anyFailed: false);
    }

    /// <summary>Writes a test report where the user asked; failed tests exit 1 like errors do.</summary>
    public int Emit(ParseResult parse, CliContext context, TestReport report)
    {
        var reporter = TestReporters.For(parse.GetValue(Format), UseColor(parse, context));
        Write(parse, context, writer => reporter.Write(report, writer), $"{report.Command}: {report.Passed} passed, {report.Failed} failed, {report.Problems.Errors} error(s)");
        return ExitCode(parse, report.Problems, anyFailed: report.Failed > 0);
    }

    private bool UseColor(ParseResult parse, CliContext context) =>
        parse.GetValue(Output) is null && parse.GetValue(Format) == ReportFormat.Text && context.UseColor(parse.GetValue(Color));

    private void Write(ParseResult parse, CliContext context, Action<TextWriter> write, string summary)
    {
        var output = parse.GetValue(Output);
        if (output is null)
        {
            write(context.Out);
            return;
        }
        AtomicFile.Write(context.Resolve(output), write);
        context.Error.WriteLine($"{summary}; report written to {output}");
    }

    private int ExitCode(ParseResult parse, DiagnosticReport report, bool anyFailed)
    {
        var failed = anyFailed || report.Errors > 0 || (parse.GetValue(WarningsAsErrors) && report.Warnings > 0);
        return failed ? ExitCodes.ContentErrors : ExitCodes.Success;
    }
}
