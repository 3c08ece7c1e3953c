using SentinelContent.Cli;
using SentinelContent.Cli.Infrastructure;

return SentinelCtl.Run(args, CliContext.FromConsole());
