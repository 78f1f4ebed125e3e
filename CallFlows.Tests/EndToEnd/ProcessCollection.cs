namespace CallFlows.Tests.EndToEnd;

/// <summary>The end-to-end tests that run child processes (publish, host restart): one at a time, beside <see cref="EndToEndCollection"/>.</summary>
[CollectionDefinition(Name)]
public sealed class ProcessCollection
{
    public const string Name = "EndToEndProcesses";
}
