namespace CallFlows.Tests.Engine.SampleFunctions;

public sealed record GreetingRequest(string Name, int WaitSeconds);
