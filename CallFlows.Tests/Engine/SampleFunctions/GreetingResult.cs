namespace CallFlows.Tests.Engine.SampleFunctions;

public sealed record GreetingResult(string First, string Second, bool TimedOut, string? ParentInstanceId);
