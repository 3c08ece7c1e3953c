namespace SentinelContent.Content;
