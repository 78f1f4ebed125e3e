using System.Text.Json.Nodes;
using CallFlows.Emulator.Schema;

namespace CallFlows.Tests.Emulator;

public sealed class CallAutomationSpecTests
{
    private static readonly CallAutomationSpec Spec = CallAutomationSpec.Instance;

    [Fact]
    public void Version_EmbeddedSpec_Is20260312() => Spec.Version.Should().Be("2026-03-12");

    [Fact]
    public void Validate_RefIntoCommonJson_ChecksRequiredInnerField()
    {
        var violations = Spec.Validate(JsonNode.Parse("""{"participantToAdd":{"phoneNumber":{}}}"""), "AddParticipantRequest");

        violations.Should().ContainSingle().Which.Path.Should().Be("participantToAdd.phoneNumber.value");
    }

    [Fact]
    public void Validate_EnumFromCommonJson_RejectsUnknownValue()
    {
        var violations = Spec.Validate(JsonNode.Parse("""{"participantToAdd":{"kind":"fax","rawId":"x"}}"""), "AddParticipantRequest");

        violations.Should().ContainSingle().Which.Message.Should().Contain("'communicationUser'");
    }

    [Theory]
    [InlineData("""{"participantToAdd":{"rawId":"x"},"invitationTimeoutInSeconds":-1}""", "invitationTimeoutInSeconds", "at least 0")]
    [InlineData("""{"participantToAdd":{"rawId":"x"},"invitationTimeoutInSeconds":181}""", "invitationTimeoutInSeconds", "at most 180")]
    [InlineData("""{"participantToAdd":{"rawId":"x"},"invitationTimeoutInSeconds":1.5}""", "invitationTimeoutInSeconds", "integer")]
    [InlineData("""{"participantToAdd":{"rawId":"x"},"operationContext":5}""", "operationContext", "string")]
    [InlineData("""{"participantToAdd":{"rawId":"x"},"customCallingContext":{"sipHeaders":{"X-A":1}}}""", "customCallingContext.sipHeaders.X-A", "string")]
    [InlineData("""{}""", "participantToAdd", "required")]
    public void Validate_AddParticipantRequest_NamesTheField(string json, string path, string message)
    {
        var violations = Spec.Validate(JsonNode.Parse(json), "AddParticipantRequest");

        violations.Should().ContainSingle().Which.Should().Match<SchemaViolation>(v => v.Path == path && v.Message.Contains(message));
    }

    [Fact]
    public void Validate_ArrayItems_ReportsIndex()
    {
        var violations = Spec.Validate(JsonNode.Parse("""{"targets":[{"rawId":"a"},{"communicationUser":{"id":3}}],"callbackUri":"x"}"""), "CreateCallRequest");

        violations.Should().ContainSingle().Which.Path.Should().Be("targets[1].communicationUser.id");
    }

    [Fact]
    public void Validate_DiscriminatedSubtype_ValidatedThroughAllOf()
    {
        var violations = Spec.Validate(JsonNode.Parse(
            """{"incomingCallContext":"c","callbackUri":"u","mediaStreamingOptions":{"transportType":"websocket","audioChannelType":"mixed","startMediaStreaming":"yes"}}"""),
            "AnswerCallRequest");

        violations.Should().ContainSingle().Which.Path.Should().Be("mediaStreamingOptions.startMediaStreaming");
    }

    [Fact]
    public void Validate_UnknownProperty_LenientByDefaultStrictOnRequest()
    {
        var json = JsonNode.Parse("""{"participantToAdd":{"rawId":"x"},"extra":1}""");

        Spec.Validate(json, "AddParticipantRequest").Should().BeEmpty();
        Spec.Validate(json, "AddParticipantRequest", strictAdditionalProperties: true).Should().ContainSingle().Which.Path.Should().Be("extra");
    }

    [Fact]
    public void Validate_SpecExampleBodies_Conform()
    {
        var examples = Path.Combine(RepoRoot(), "reference", "acs-callautomation", "CallAutomation", "stable", "2026-03-12", "examples");
        var checkedBodies = 0;
        foreach (var (file, definition) in new[]
        {
            ("CreateCall.json", "CreateCallRequest"), ("AnswerCall.json", "AnswerCallRequest"), ("CallConnection_AddParticipant.json", "AddParticipantRequest"),
            ("CallConnection_TransferToParticipant.json", "TransferToParticipantRequest"), ("Connect.json", "ConnectRequest"),
        })
        {
            var parameters = JsonNode.Parse(File.ReadAllText(Path.Combine(examples, file)))!["parameters"]!.AsObject();
            var body = parameters.First(p => p.Value is JsonObject && p.Key.EndsWith("Request", StringComparison.Ordinal)).Value;
            Spec.Validate(body, definition).Should().BeEmpty(file);
            checkedBodies++;
        }

        checkedBodies.Should().Be(5);
    }

    [Fact]
    public void Validate_UnknownDefinition_Throws()
    {
        var act = () => Spec.Validate(new JsonObject(), "NoSuchThing");

        act.Should().Throw<ArgumentException>();
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CallFlows.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Repository root not found.");
    }
}
