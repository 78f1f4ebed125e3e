using Azure.Core;
using CallFlows.CallAutomation;
using Microsoft.Extensions.Time.Testing;

namespace CallFlows.Tests.CallAutomation;

/// <summary>A loopback server plus a client signed with the test access key; retries are fast so error tests stay quick.</summary>
internal sealed class ClientHarness : IAsyncDisposable
{
    public ClientHarness(Func<RecordedRequest, LoopbackReply>? handler = null, int maxRetries = 3)
    {
        Server = new LoopbackServer(handler ?? ScriptedReplies.Success);
        Time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 0, 52, 34, TimeSpan.Zero));
        Options = new CallAutomationClientOptions { TimeProvider = Time };
        Options.Retry.MaxRetries = maxRetries;
        Options.Retry.Delay = TimeSpan.FromMilliseconds(1);
        Options.Retry.MaxDelay = TimeSpan.FromMilliseconds(5);
        Options.Retry.Mode = RetryMode.Fixed;
        Client = new CallAutomationClient($"endpoint={Server.Endpoint};accesskey={HmacVerifier.AccessKey}", Options);
    }

    public LoopbackServer Server { get; }

    public FakeTimeProvider Time { get; }

    public CallAutomationClientOptions Options { get; }

    public CallAutomationClient Client { get; }

    public IReadOnlyList<RecordedRequest> Requests => Server.Requests.ToList();

    public RecordedRequest SingleRequest()
    {
        Requests.Should().HaveCount(1);
        return Requests[0];
    }

    public ValueTask DisposeAsync() => Server.DisposeAsync();
}
