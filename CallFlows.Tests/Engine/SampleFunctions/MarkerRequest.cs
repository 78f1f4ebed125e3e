namespace CallFlows.Tests.Engine.SampleFunctions;

public sealed record MarkerRequest(string MarkerPath, string Line);
