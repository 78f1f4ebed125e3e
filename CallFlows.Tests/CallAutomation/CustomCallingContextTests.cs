using System.Text.Json;
using CallFlows.CallAutomation;

namespace CallFlows.Tests.CallAutomation;

/// <summary>The custom calling context limits of PROTOCOL.md §6.6.</summary>
public class CustomCallingContextTests
{
    [Fact]
    public void AddSipX_DefaultAndPlainPrefix_ProduceFinalKeys()
    {
        var context = new CustomCallingContext();

        context.AddSipX("k", "v");
        context.AddSipX("k2", "v2", SipHeaderPrefix.X);
        context.AddSipUui("u=1;x");
        context.AddVoip("key", "value");

        context.SipHeaders.Should().Equal(new Dictionary<string, string> { ["X-MS-Custom-k"] = "v", ["X-k2"] = "v2", ["User-To-User"] = "u=1;x" });
        context.VoipHeaders.Should().Equal(new Dictionary<string, string> { ["key"] = "value" });
    }

    [Fact]
    public void AddSipX_SixthCustomHeader_Throws()
    {
        var context = new CustomCallingContext();
        for (var i = 0; i < 5; i++)
        {
            context.AddSipX($"h{i}", "v");
        }

        context.AddSipUui("uui");
        context.Invoking(c => c.AddSipX("h5", "v")).Should().Throw<ArgumentException>().WithParameterName("key");
        context.Invoking(c => c.AddSipX("h0", "replaced")).Should().NotThrow("replacing an existing key does not add a header");
    }

    [Theory]
    [InlineData("bad key", "v", "key")]
    [InlineData("ok", "bad value", "value")]
    [InlineData("ok", "a,b", "value")]
    [InlineData("k/", "v", "key")]
    public void AddSipX_InvalidCharacters_Throws(string key, string value, string parameter)
    {
        new CustomCallingContext().Invoking(c => c.AddSipX(key, value)).Should().Throw<ArgumentException>().WithParameterName(parameter);
    }

    [Fact]
    public void AddSipX_LengthLimits_AreEnforcedIncludingPrefix()
    {
        var context = new CustomCallingContext();
        var keyAtLimit = new string('k', 64 - "X-MS-Custom-".Length);

        context.Invoking(c => c.AddSipX(keyAtLimit, "v")).Should().NotThrow();
        context.Invoking(c => c.AddSipX(keyAtLimit + "k", "v")).Should().Throw<ArgumentException>().WithParameterName("key");
        context.Invoking(c => c.AddSipX("x", new string('v', 256))).Should().NotThrow();
        context.Invoking(c => c.AddSipX("y", new string('v', 257))).Should().Throw<ArgumentException>().WithParameterName("value");
        context.Invoking(c => c.AddSipUui(new string('v', 257))).Should().Throw<ArgumentException>().WithParameterName("value");
    }

    [Fact]
    public void AddVoip_Limits_AreEnforced()
    {
        var context = new CustomCallingContext();

        context.Invoking(c => c.AddVoip(new string('k', 65), "v")).Should().Throw<ArgumentException>().WithParameterName("key");
        context.Invoking(c => c.AddVoip("k", new string('v', 1025))).Should().Throw<ArgumentException>().WithParameterName("value");
        context.Invoking(c => c.AddVoip("", "v")).Should().Throw<ArgumentException>().WithParameterName("key");
        for (var i = 0; i < 1000; i++)
        {
            context.AddVoip($"k{i}", "v");
        }

        context.Invoking(c => c.AddVoip("one-more", "v")).Should().Throw<ArgumentException>().WithParameterName("key");
    }

    [Fact]
    public void CustomCallingContext_SystemTextJson_RoundTrips()
    {
        var context = new CustomCallingContext();
        context.AddSipUui("abc");
        context.AddSipX("k", "v");
        context.AddVoip("a", "b");

        var back = JsonSerializer.Deserialize<CustomCallingContext>(JsonSerializer.Serialize(context))!;

        back.SipHeaders.Should().Equal(context.SipHeaders);
        back.VoipHeaders.Should().Equal(context.VoipHeaders);
    }
}
