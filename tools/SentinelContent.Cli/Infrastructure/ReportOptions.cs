using System.CommandLine;
using SentinelContent.Reporting;

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
        var output = parse.GetValue(Output);
        var color = output is null && format == ReportFormat.Text && context.UseColor(parse.GetValue(Color));
        var reporter = Reporters.For(format, color);
        if (output is null)
        {
            reporter.Write(report, context.Out);
        }
        else
        {
            AtomicFile.Write(context.Resolve(output), writer => reporter.Write(report, writer));
            context.Error.WriteLine($"{report.Command}: {report.Errors} error(s), {report.Warnings} warning(s); report written to {output}");
        }

        var failed = report.Errors > 0 || (parse.GetValue(WarningsAsErrors) && report.Warnings > 0);
        return failed ? ExitCodes.ContentErrors : ExitCodes.Success;
    }
}
