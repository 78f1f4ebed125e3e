using System.Collections.Specialized;
using System.Text;
using System.Text.Json;
using Xunit.Sdk;

namespace CallFlows.Tests.CallAutomation;

/// <summary>The test helpers themselves must be able to fail: the schema validator and the HMAC verifier reject bad input.</summary>
public class SwaggerSchemaValidatorTests
{
    private static readonly SwaggerSchemaValidator Validator = new(ReferenceFiles.SpecPath);

    [Theory]
    [InlineData("""{"participantToAdd":{"kind":"phoneNumber","rawId":"4:+1","phoneNumber":{"value":"+1"}}}""", 0)]
    [InlineData("""{}""", 1)]
    [InlineData("""{"participantToAdd":{"kind":"phoneNumber","phoneNumber":{"value":"+1"}},"unexpected":1}""", 1)]
    [InlineData("""{"participantToAdd":{"kind":"nonsense","rawId":"x"}}""", 1)]
    [InlineData("""{"participantToAdd":{"kind":"phoneNumber","phoneNumber":{}}}""", 1)]
    [InlineData("""{"participantToAdd":{"kind":"phoneNumber","phoneNumber":{"value":"+1"}},"invitationTimeoutInSeconds":500}""", 1)]
    [InlineData("""{"participantToAdd":{"kind":"phoneNumber","phoneNumber":{"value":"+1"}},"invitationTimeoutInSeconds":"60"}""", 1)]
    [InlineData("""{"participantToAdd":{"kind":"phoneNumber","phoneNumber":{"value":"+1"}},"customCallingContext":{"sipHeaders":{"k":1}}}""", 1)]
    public void Validate_AddParticipantBodies_ReportsEachViolation(string body, int expectedErrors)
    {
        var (_, operation) = Validator.FindOperation("POST", "/calling/callConnections/c/participants:add");

        var errors = Validator.Validate(Validator.BodySchema(operation)!.Value, JsonDocument.Parse(body).RootElement, isRequest: true);

        errors.Should().HaveCount(expectedErrors, string.Join("; ", errors));
    }

    [Fact]
    public void Validate_RejectReasonOutsideEnum_IsReported()
    {
        var (_, operation) = Validator.FindOperation("POST", "/calling/callConnections:reject");

        var errors = Validator.Validate(Validator.BodySchema(operation)!.Value, JsonDocument.Parse("""{"incomingCallContext":"x","callRejectReason":"maybe"}""").RootElement, isRequest: true);

        errors.Should().ContainSingle().Which.Should().Contain("callRejectReason");
    }

    [Fact]
    public void FindOperation_TerminateAndHangUp_AreDistinct()
    {
        Validator.FindOperation("POST", "/calling/callConnections/c-1:terminate").Template.Should().Be("/calling/callConnections/{callConnectionId}:terminate");
        Validator.FindOperation("DELETE", "/calling/callConnections/c-1").Template.Should().Be("/calling/callConnections/{callConnectionId}");
        Validator.FindOperation("GET", "/calling/callConnections/c-1/participants/8%3Aacs%3Ax").Template.Should().Be("/calling/callConnections/{callConnectionId}/participants/{participantRawId}");
    }

    [Fact]
    public void HmacVerifier_TamperedBody_FailsVerification()
    {
        var body = Encoding.UTF8.GetBytes("""{"a":1}""");
        const string date = "Tue, 24 Nov 2026 00:52:34 GMT";
        var hash = HmacVerifier.Hash(body);
        var signature = HmacVerifier.ExpectedSignature("POST", "/p?api-version=1", date, "127.0.0.1:1", hash);
        var headers = new NameValueCollection
        {
            ["x-ms-date"] = date,
            ["x-ms-content-sha256"] = hash,
            ["Host"] = "127.0.0.1:1",
            ["Authorization"] = $"HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature={signature}",
        };

        FluentActions.Invoking(() => HmacVerifier.AssertSigned(new RecordedRequest("POST", "/p?api-version=1", headers, body))).Should().NotThrow();
        FluentActions.Invoking(() => HmacVerifier.AssertSigned(new RecordedRequest("POST", "/p?api-version=1", headers, Encoding.UTF8.GetBytes("""{"a":2}""")))).Should().Throw<XunitException>();
        FluentActions.Invoking(() => HmacVerifier.AssertSigned(new RecordedRequest("POST", "/p?api-version=2", headers, body))).Should().Throw<XunitException>();
    }
}
