namespace CallFlows.Tests.Engine.SampleFunctions;

public sealed record Approval(string By);
