using System.Text.Json;
using CallFlows.CallAutomation;

namespace CallFlows.Tests.Flows;

/// <summary>The media verbs' values and typed results: prompts and menus stay serializable, ACS outcomes become data.</summary>
public sealed class MediaValuesTests
{
    static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    [Fact]
    public void PromptAndMenu_RoundTripThroughJson_Unchanged()
    {
        var prompt = Prompt.Text("For sales press 1.", "en-US-NancyNeural");
        var menu = Menu.Choices(MenuChoice.ForKey("1"), new MenuChoice("support", "2", ["support", "help"]));

        var promptBack = JsonSerializer.Deserialize<Prompt>(JsonSerializer.Serialize(prompt, Web), Web)!;
        var menuBack = JsonSerializer.Deserialize<Menu>(JsonSerializer.Serialize(menu, Web), Web)!;

        promptBack.Should().Be(prompt);
        menuBack.Options.Select(o => (o.Label, o.Key, string.Join("|", o.Phrases))).Should().Equal(("1", "1", ""), ("support", "2", "support|help"));
        menuBack.IsKeysOnly.Should().BeFalse();
        Menu.Dtmf("1", "2").IsKeysOnly.Should().BeTrue();
    }

    [Theory]
    [InlineData("12")]
    [InlineData("x")]
    public void MenuDtmf_NotOneKey_Throws(string key) =>
        FluentActions.Invoking(() => Menu.Dtmf(key)).Should().Throw<ArgumentException>();

    [Fact]
    public void Menu_RepeatedKey_Throws() =>
        FluentActions.Invoking(() => Menu.Dtmf("1", "1")).Should().Throw<ArgumentException>().WithMessage("*unique*");

    [Fact]
    public void PromptFile_RelativeUrl_Throws() =>
        FluentActions.Invoking(() => Prompt.File("hold.wav")).Should().Throw<ArgumentException>().WithMessage("*absolute*");

    [Theory]
    [InlineData(8510, RecognizeStatus.NoInput)]
    [InlineData(8532, RecognizeStatus.NoInput)]
    [InlineData(8534, RecognizeStatus.InvalidInput)]
    [InlineData(8547, RecognizeStatus.InvalidInput)]
    [InlineData(8563, RecognizeStatus.InvalidInput)]
    [InlineData(8511, RecognizeStatus.Failed)]
    public void FromEvent_RecognizeFailedSubCode_MapsToTypedStatus(int subCode, RecognizeStatus expected)
    {
        var failed = new RecognizeFailed { ResultInformation = new ResultInformation { Code = 400, SubCode = subCode, Message = "m" } };

        var result = CallFlowCall.FromEvent(new CallActionResult(CallActionStatus.Failed, CallActionFailure.FromEvent(failed), failed));

        result.Status.Should().Be(expected);
        result.Matched.Should().BeFalse();
        result.Failure!.SubCode.Should().Be(subCode);
    }

    [Fact]
    public void FromEvent_RecognizeCompletedWithTonesAndChoice_CarriesDigitsAndLabel()
    {
        var dtmf = new RecognizeCompleted { RecognitionType = RecognitionType.Dtmf, DtmfResult = new DtmfResult { Tones = [DtmfTone.Two, DtmfTone.Pound] } };
        var choice = new RecognizeCompleted { RecognitionType = RecognitionType.Choices, ChoiceResult = new ChoiceResult { Label = "sales", RecognizedPhrase = "sales please", Confidence = 0.8 } };

        var keys = CallFlowCall.FromEvent(new CallActionResult(CallActionStatus.Succeeded, null, dtmf));
        var picked = CallFlowCall.FromEvent(new CallActionResult(CallActionStatus.Succeeded, null, choice));

        (keys.Status, keys.Digits, keys.Value).Should().Be((RecognizeStatus.Recognized, "2#", "2#"));
        (picked.Choice, picked.Text, picked.Confidence, picked.Value).Should().Be(("sales", "sales please", 0.8, "sales"));
        picked.Describe().Should().Be("picked sales");
    }

    [Fact]
    public void FromEvent_RefusedWithout8522Event_FailedAsData()
    {
        var refusal = new CallActionFailure(CallActionFailureKind.Refused, "Request not allowed when Cognitive Service Configuration not set during call setup.")
        {
            HttpStatus = 405,
            ErrorCode = "8522",
        };

        var result = CallFlowCall.FromEvent(new CallActionResult(CallActionStatus.Failed, refusal));

        result.Status.Should().Be(RecognizeStatus.Failed);
        result.Failure.Should().BeSameAs(refusal);
        result.Describe().Should().StartWith("ACS refused the request with HTTP 405 (8522)");
        CallFlowCall.FromEvent(new CallActionResult(CallActionStatus.TimedOut)).Status.Should().Be(RecognizeStatus.TimedOut);
    }

    [Fact]
    public void RecordingFileEvent_ThroughTheEnvelope_ReadsTheFirstChunkOfItsServerCall()
    {
        var updated = new RecordingFileStatusUpdated
        {
            EventId = "eg-1",
            ServerCallId = "server-call-1",
            RecordingDuration = TimeSpan.FromSeconds(3),
            RecordingChunks = [new RecordingChunk { Index = 0, ContentLocation = new Uri("https://acs.example/v1/objects/abc/content/audio"), EndReason = "SessionEnded" }],
        };

        var envelope = JsonSerializer.Deserialize<CallbackEnvelope>(JsonSerializer.Serialize(RecordingFileEvents.ToEnvelope(updated), Web), Web)!;
        var read = RecordingFileEvents.Read(envelope);

        envelope.Name.Should().Be("RecordingFileStatusUpdated");
        read!.Value.ServerCallId.Should().Be("server-call-1");
        read.Value.File.ContentLocation.Should().Be(new Uri("https://acs.example/v1/objects/abc/content/audio"));
        read.Value.File.Duration.Should().Be(TimeSpan.FromSeconds(3));
        RecordingOwner.IndexInstanceId("server-call-1").Should().MatchRegex("^rec-[0-9a-f]{32}$");
    }
}
