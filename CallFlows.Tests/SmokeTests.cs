namespace CallFlows.Tests;

public class SmokeTests
{
    [Fact]
    public void Act_Input_Echoes() => CallFlows.Functions.Ping.Act("x").Should().Be("x");
}
