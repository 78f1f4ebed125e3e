using CallFlows.CallAutomation;

namespace CallFlows.Tests.Flows;

public sealed class CallInstanceIdsTests
{
    private static IncomingCall Call(string? serverCallId = "server-1", string to = "4:+14255550100", string eventId = "event-1", string? correlationId = "corr-1") => new()
    {
        EventId = eventId,
        ServerCallId = serverCallId,
        CorrelationId = correlationId,
        To = CommunicationIdentifier.FromRawId(to),
        From = new PhoneNumberIdentifier("+14255550999"),
        IncomingCallContext = "ctx-" + eventId,
    };

    [Fact]
    public void ForIncomingCall_Redelivery_GivesTheSameId()
    {
        // A redelivered Event Grid event carries the same call; even a re-sent event with a new event id maps to the same instance.
        CallInstanceIds.ForIncomingCall(Call(eventId: "e1")).Should().Be(CallInstanceIds.ForIncomingCall(Call(eventId: "e2")));
    }

    [Fact]
    public void ForIncomingCall_KnownInput_IsStableAcrossVersions()
    {
        // Pinned: changing the derivation would orphan in-flight calls during a deployment.
        CallInstanceIds.ForIncomingCall(Call()).Should().Be("in-" + Sha256Hex("server-1\n4:+14255550100")[..32]);
    }

    [Fact]
    public void ForIncomingCall_RedirectedToAnotherCallee_GetsItsOwnInstance()
    {
        CallInstanceIds.ForIncomingCall(Call(to: "8:acs:res_user")).Should().NotBe(CallInstanceIds.ForIncomingCall(Call()));
    }

    [Fact]
    public void ForIncomingCall_DifferentCalls_GetDifferentIds()
    {
        CallInstanceIds.ForIncomingCall(Call(serverCallId: "server-2")).Should().NotBe(CallInstanceIds.ForIncomingCall(Call()));
    }

    [Fact]
    public void ForIncomingCall_NoServerCallId_FallsBackToCorrelationId()
    {
        var id = CallInstanceIds.ForIncomingCall(Call(serverCallId: null));

        id.Should().Be("in-" + Sha256Hex("corr-1\n4:+14255550100")[..32]);
        id.Should().MatchRegex("^in-[0-9a-f]{32}$");
    }

    [Theory]
    [InlineData("order-42", true)]
    [InlineData("a.b_c-d", true)]
    [InlineData("", false)]
    [InlineData("has space", false)]
    [InlineData("in-spoofed", false)]
    [InlineData("slash/id", false)]
    public void IsValidClientId_Candidate_AcceptsOnlySafeIds(string candidate, bool expected) =>
        CallInstanceIds.IsValidClientId(candidate).Should().Be(expected);

    private static string Sha256Hex(string text) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)));
}
