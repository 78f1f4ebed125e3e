namespace CallFlows.Tests.Engine.SampleFunctions;

/// <summary>A service registered through the host's ConfigureServices hook, injected into an activity class.</summary>
public sealed class Greeter
{
    public string Greet(string name) => "Hello " + name;
}
