namespace SentinelContent.Reporting;
