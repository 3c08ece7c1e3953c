using SentinelContent.ReferenceExamples;

// reference-examples: turns a checkout of MicrosoftDocs/dataexplorer-docs into the conformance suite's case files.
// Usage and the steps around it: tests/SentinelContent.Kql.Tests/Evaluation/Conformance/README.md.
return Cli.Run(args, Console.Out, Console.Error);
