using CallFlows.Chaos;
using CallFlows.Emulator.Observability;

namespace CallFlows.Tests.Resilience;

public sealed class DuplicateActionDetectorTests
{
    const string AddBody = """{"participantToAdd":{"rawId":"8:acs:agent"},"operationContext":"cf-2-AddParticipant-aaaa","invitationTimeoutInSeconds":10}""";

    [Fact]
    public void Find_SameAddIssuedTwiceUnderNewIds_ReportsOneDuplicate()
    {
        // What a re-run episode with a clock-seeded identity did: same add, new operation context and repeatability id.
        var requests = new[]
        {
            Request("POST", "CallConnection_AddParticipant", "call-1", 202, AddBody, "id-1"),
            Request("POST", "CallConnection_AddParticipant", "call-1", 202, AddBody.Replace("aaaa", "bbbb", StringComparison.Ordinal), "id-2"),
        };

        DuplicateActionDetector.Find(requests).Should().ContainSingle().Which.Count.Should().Be(2);
    }

    [Fact]
    public void Find_PlaySentTwiceAndAnAddSentTwice_OnlyThePlayIsMarkedWithoutRepeatability()
    {
        const string PlayBody = """{"playSources":[{"kind":"text","text":{"text":"Hello"}}],"playTo":[],"operationContext":"p"}""";
        var requests = new[]
        {
            Request("POST", "CallMedia_Play", "call-1", 202, PlayBody, null),
            Request("POST", "CallMedia_Play", "call-1", 202, PlayBody, null),
            Request("POST", "CallConnection_AddParticipant", "call-1", 202, AddBody, "id-1"),
            Request("POST", "CallConnection_AddParticipant", "call-1", 202, AddBody, "id-2"),
        };

        var found = DuplicateActionDetector.Find(requests);

        found.Should().HaveCount(2);
        found.Single(d => d.Operation == "CallMedia_Play").WithoutRepeatability.Should().BeTrue();
        found.Single(d => d.Operation == "CallConnection_AddParticipant").WithoutRepeatability.Should().BeFalse();
    }

    [Fact]
    public void Find_RecognizeToAPhoneNumberSentTwice_NamesTheActionWithTheNumberAsWritten()
    {
        // The report prints the action: a phone number reads "+1555...", not "\u002B1555...".
        const string RecognizeBody = """{"recognizeInputType":"dtmf","recognizeOptions":{"targetParticipant":{"rawId":"4:\u002B15552000079"}},"operationContext":"r"}""";
        var requests = new[]
        {
            Request("POST", "CallMedia_Recognize", "call-1", 202, RecognizeBody, null),
            Request("POST", "CallMedia_Recognize", "call-1", 202, RecognizeBody, null),
        };

        DuplicateActionDetector.Find(requests).Should().ContainSingle().Which.LogicalAction.Should()
            .Be("""{"recognizeInputType":"dtmf","recognizeOptions":{"targetParticipant":{"rawId":"4:+15552000079"}}}""");
    }

    [Fact]
    public void Find_ReplayOfTheSameRepeatabilityId_NotADuplicate()
    {
        var requests = new[]
        {
            Request("POST", "CallConnection_AddParticipant", "call-1", 202, AddBody, "id-1"),
            Request("POST", "CallConnection_AddParticipant", "call-1", 202, AddBody, "id-1") with { IsReplay = true },
        };

        DuplicateActionDetector.Find(requests).Should().BeEmpty();
    }

    [Fact]
    public void Find_SecondAnswerOfTheSameIncomingCall_ReportsDuplicate()
    {
        var requests = new[]
        {
            Request("POST", "AnswerCall", null, 200, """{"incomingCallContext":"ctx-1","callbackUri":"http://x/api/callbacks/in-1","operationContext":"a"}""", "id-1"),
            Request("POST", "AnswerCall", null, 200, """{"incomingCallContext":"ctx-1","callbackUri":"http://x/api/callbacks/in-1","operationContext":"b"}""", "id-2"),
        };

        DuplicateActionDetector.Find(requests).Should().ContainSingle().Which.Target.Should().Be("ctx-1");
    }

    [Fact]
    public void Find_RefusedOrGetOrDifferentCalls_NotDuplicates()
    {
        var requests = new[]
        {
            Request("DELETE", "CallConnection_HangupCall", "call-1", 204, string.Empty, null),
            Request("DELETE", "CallConnection_HangupCall", "call-1", 404, string.Empty, null),
            Request("DELETE", "CallConnection_HangupCall", "call-2", 204, string.Empty, null),
            Request("GET", "CallConnection_GetCall", "call-1", 200, string.Empty, null),
            Request("GET", "CallConnection_GetCall", "call-1", 200, string.Empty, null),
        };

        DuplicateActionDetector.Find(requests).Should().BeEmpty();
    }

    static RecordedRequest Request(string method, string operation, string? callId, int status, string body, string? repeatabilityId) => new()
    {
        Time = DateTimeOffset.UtcNow,
        Method = method,
        Path = "/calling/callConnections/" + (callId ?? "x"),
        Operation = operation,
        CallConnectionId = callId,
        Status = status,
        RequestBody = body,
        RepeatabilityRequestId = repeatabilityId,
    };
}
