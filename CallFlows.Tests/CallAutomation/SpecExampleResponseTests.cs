using System.Text.Json;
using System.Text.Json.Nodes;
using CallFlows.CallAutomation;

namespace CallFlows.Tests.CallAutomation;

/// <summary>Serves every spec example response (examples/*.json) from a loopback server and checks the parsed results.</summary>
public class SpecExampleResponseTests
{
    private const string ConnectionId = "18dea47f-b081-4107-9a5c-4300819d2c6c";
    private const string SourceUser = "8:acs:b9614373-fd0b-480c-8fd2-cb58b70eab9f_da7be3a9-8788-42a6-85c6-56b2cf784fce";
    private const string TargetUser = "8:acs:b9614373-fd0b-480c-8fd2-cb58b70eab9f_0f50d091-5bd3-448b-884d-44be7037d9b9";
    private const string AddedUser = "8:acs:b9614373-fd0b-480c-8fd2-cb58b70eab9f_ae9e3307-f56e-44be-8934-80a63f080538";
    private static readonly Uri Callback = new("https://app.example/cb");

    private static readonly string[] CoveredExamples =
    [
        "AnswerCall.json", "CallConnection_AddParticipant.json", "CallConnection_CancelAddParticipant.json", "CallConnection_GetCall.json",
        "CallConnection_GetParticipant.json", "CallConnection_GetParticipants.json", "CallConnection_HangupCall.json", "CallConnection_MoveParticipants.json",
        "CallConnection_Mute.json", "CallConnection_RemoveParticipant.json", "CallConnection_TransferToParticipant.json", "Connect.json",
        "CreateCall.json", "RedirectCall.json", "RejectCall.json",
    ];

    public static TheoryData<string> ExampleFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(ReferenceFiles.ExamplesFolder, "*.json").Select(Path.GetFileName).Order())
        {
            data.Add(file!);
        }

        return data;
    }

    [Fact]
    public void Examples_EveryFile_IsCoveredByATest()
    {
        Directory.GetFiles(ReferenceFiles.ExamplesFolder, "*.json").Select(Path.GetFileName).Should().BeEquivalentTo(CoveredExamples);
    }

    [Theory]
    [MemberData(nameof(ExampleFiles))]
    public void Example_ResponseBody_ValidatesAgainstTheSpec(string file)
    {
        // Proves the validator reads the spec's response schemas (incl. refs into Common) on real data.
        var example = Load(file);
        var validator = new SwaggerSchemaValidator(ReferenceFiles.SpecPath);
        var operation = validator.Root.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject())
            .Single(o => o.Value.ValueKind == JsonValueKind.Object && o.Value.TryGetProperty("x-ms-examples", out var examples)
                && examples.EnumerateObject().Any(e => e.Value.GetProperty("$ref").GetString() == "./examples/" + file)).Value;
        foreach (var response in example.RootElement.GetProperty("responses").EnumerateObject())
        {
            var schema = validator.ResponseSchema(operation, response.Name);
            if (response.Value.TryGetProperty("body", out var body))
            {
                schema.Should().NotBeNull();
                validator.Validate(schema!.Value, body, isRequest: false).Should().BeEmpty();
            }
            else
            {
                schema.Should().BeNull();
            }
        }
    }

    [Fact]
    public async Task CreateCallAsync_ExampleResponse_ParsesProperties()
    {
        await using var harness = Serve("CreateCall.json");

        var result = (await harness.Client.CreateCallAsync(new CallInvite(new CommunicationUserIdentifier(TargetUser)), Callback)).Value;

        result.CallConnection.CallConnectionId.Should().Be(ConnectionId);
        var properties = result.CallConnectionProperties;
        properties.CallConnectionId.Should().Be(ConnectionId);
        properties.ServerCallId.Should().Be("aHR0cHM6Ly9jb252ZXJzYXRpb251cmwvdGVzdA");
        properties.Source.Should().Be(new CommunicationUserIdentifier(SourceUser));
        properties.Targets.Should().Equal(new CommunicationUserIdentifier(TargetUser));
        properties.CallConnectionState.Should().Be(CallConnectionState.Connected);
        properties.CallbackUri.Should().Be(new Uri("https://app.contoso.com/callback"));
        properties.AnsweredFor!.PhoneNumber.Should().Be("+11234567890");
    }

    [Fact]
    public async Task AnswerCallAsync_ExampleResponse_ParsesProperties()
    {
        await using var harness = Serve("AnswerCall.json");

        var result = (await harness.Client.AnswerCallAsync("ctx", Callback)).Value;

        result.CallConnection.CallConnectionId.Should().Be(ConnectionId);
        result.CallConnectionProperties.SourceCallerIdNumber!.PhoneNumber.Should().Be("+18440123456");
        result.CallConnectionProperties.SourceCallerIdNumber.RawId.Should().Be("4:+18440123456");
        result.CallConnectionProperties.CallConnectionState.Should().Be(CallConnectionState.Connected);
        result.CallConnectionProperties.Source.Should().Be(new CommunicationUserIdentifier(SourceUser));
    }

    [Fact]
    public async Task ConnectCallAsync_ExampleResponse_ParsesConnectingWithNoTargets()
    {
        await using var harness = Serve("Connect.json");

        var result = (await harness.Client.ConnectCallAsync(new RoomCallLocator("99434917639286209"), Callback)).Value;

        result.CallConnectionProperties.CallConnectionState.Should().Be(CallConnectionState.Connecting);
        result.CallConnectionProperties.Targets.Should().BeEmpty();
        result.CallConnectionProperties.AnsweredFor!.PhoneNumber.Should().Be("+11234567890");
        result.CallConnection.CallConnectionId.Should().Be(ConnectionId);
    }

    [Fact]
    public async Task GetCallConnectionPropertiesAsync_ExampleResponse_ParsesMixedTargets()
    {
        await using var harness = Serve("CallConnection_GetCall.json");

        var properties = (await harness.Client.GetCallConnection(ConnectionId).GetCallConnectionPropertiesAsync()).Value;

        properties.Targets.Should().Equal(new CommunicationUserIdentifier(TargetUser), new PhoneNumberIdentifier("+14250123456"));
        properties.Targets[1].Should().BeOfType<PhoneNumberIdentifier>();
        properties.CallbackUri.Should().Be(new Uri("https://app.contoso.com/callback"));
        harness.SingleRequest().Path.Should().Be($"/calling/callConnections/{ConnectionId}");
    }

    [Fact]
    public async Task GetParticipantAsync_ExampleResponse_ParsesParticipant()
    {
        await using var harness = Serve("CallConnection_GetParticipant.json");

        var participant = (await harness.Client.GetCallConnection(ConnectionId).GetParticipantAsync(new CommunicationUserIdentifier(SourceUser))).Value;

        participant.Identifier.Should().Be(new CommunicationUserIdentifier(SourceUser));
        participant.IsMuted.Should().BeFalse();
        participant.IsOnHold.Should().BeFalse();
    }

    [Fact]
    public async Task GetParticipantsAsync_ExampleResponseWithNextLink_FollowsLinkAsIs()
    {
        // The example's nextLink is the placeholder "string"; it is replaced by an absolute loopback URL (what a real
        // service returns) whose page is empty. The JS SDK GETs the link as-is, without adding api-version.
        var example = Load("CallConnection_GetParticipants.json");
        var status = ExampleStatus(example);
        LoopbackServer? server = null;
        await using var harness = new ClientHarness(request =>
        {
            if (request.Path.EndsWith("/page2", StringComparison.Ordinal))
            {
                return new LoopbackReply(200, """{"value":[{"identifier":{"kind":"phoneNumber","rawId":"4:+14250123456","phoneNumber":{"value":"+14250123456"}},"isMuted":false,"isOnHold":true}]}""");
            }

            var body = JsonNode.Parse(ExampleBody(example).GetRawText())!.AsObject();
            body["nextLink"] = new Uri(server!.Endpoint, "page2?token=abc").AbsoluteUri;
            return new LoopbackReply(status, body.ToJsonString());
        });
        server = harness.Server;

        var participants = (await harness.Client.GetCallConnection(ConnectionId).GetParticipantsAsync()).Value;

        participants.Should().HaveCount(2);
        participants[0].Identifier.Should().Be(new CommunicationUserIdentifier(SourceUser));
        participants[0].IsMuted.Should().BeTrue();
        participants[1].Identifier.Should().Be(new PhoneNumberIdentifier("+14250123456"));
        participants[1].IsOnHold.Should().BeTrue();
        harness.Requests.Select(r => r.RawUrl).Should().Equal(
            $"/calling/callConnections/{ConnectionId}/participants?api-version=2026-03-12",
            "/page2?token=abc");
        HmacVerifier.AssertSigned(harness.Requests[1]);
    }

    [Fact]
    public async Task HangUpAsync_ExampleResponse_Returns204()
    {
        await using var harness = Serve("CallConnection_HangupCall.json");

        var response = await harness.Client.GetCallConnection(ConnectionId).HangUpAsync(false);

        response.Status.Should().Be(204);
    }

    [Fact]
    public async Task AddParticipantAsync_ExampleResponse_ParsesInvitation()
    {
        await using var harness = Serve("CallConnection_AddParticipant.json");

        var result = (await harness.Client.GetCallConnection(ConnectionId).AddParticipantAsync(new CallInvite(new CommunicationUserIdentifier(AddedUser)))).Value;

        result.OperationContext.Should().Be("adding participant");
        result.InvitationId.Should().Be("7b4244f8-d2ff-46d1-a629-4f9fb5f73d40");
        result.Participant!.Identifier.Should().Be(new CommunicationUserIdentifier(AddedUser));
        result.Participant.IsMuted.Should().BeFalse();
    }

    [Fact]
    public async Task CancelAddParticipantOperationAsync_ExampleResponse_ParsesIds()
    {
        await using var harness = Serve("CallConnection_CancelAddParticipant.json");

        var result = (await harness.Client.GetCallConnection(ConnectionId).CancelAddParticipantOperationAsync("7b4244f8-d2ff-46d1-a629-4f9fb5f73d40")).Value;

        result.InvitationId.Should().Be("7b4244f8-d2ff-46d1-a629-4f9fb5f73d40");
        result.OperationContext.Should().Be("cancelling add participant");
    }

    [Fact]
    public async Task MoveParticipantsAsync_ExampleResponse_ParsesParticipantsAndFromCall()
    {
        await using var harness = Serve("CallConnection_MoveParticipants.json");

        var result = (await harness.Client.GetCallConnection(ConnectionId).MoveParticipantsAsync(
            new MoveParticipantsOptions([new CommunicationUserIdentifier(AddedUser)], "28dea47f-b081-4107-9a5c-4300819d2c6c"))).Value;

        result.OperationContext.Should().Be("moveing participant");
        result.FromCall.Should().Be("28dea47f-b081-4107-9a5c-4300819d2c6c");
        result.Participants.Should().ContainSingle().Which.Identifier.Should().Be(new CommunicationUserIdentifier(AddedUser));
    }

    [Fact]
    public async Task MuteParticipantAsync_ExampleResponse_ParsesOperationContext()
    {
        await using var harness = Serve("CallConnection_Mute.json");

        var result = (await harness.Client.GetCallConnection(ConnectionId).MuteParticipantAsync(new CommunicationUserIdentifier(AddedUser))).Value;

        result.OperationContext.Should().Be("mute participant");
    }

    [Fact]
    public async Task RemoveParticipantAsync_ExampleResponse_ParsesOperationContext()
    {
        await using var harness = Serve("CallConnection_RemoveParticipant.json");

        var result = (await harness.Client.GetCallConnection(ConnectionId).RemoveParticipantAsync(new CommunicationUserIdentifier(AddedUser))).Value;

        result.OperationContext.Should().Be("removing participant");
    }

    [Fact]
    public async Task TransferCallToParticipantAsync_ExampleResponse_ParsesOperationContext()
    {
        await using var harness = Serve("CallConnection_TransferToParticipant.json");

        var result = (await harness.Client.GetCallConnection(ConnectionId).TransferCallToParticipantAsync(new CommunicationUserIdentifier(AddedUser))).Value;

        result.OperationContext.Should().Be("trasferring call");
    }

    [Fact]
    public async Task RedirectCallAsync_ExampleResponse_Returns204()
    {
        await using var harness = Serve("RedirectCall.json");

        var response = await harness.Client.RedirectCallAsync("ctx", new CallInvite(new CommunicationUserIdentifier(TargetUser)));

        response.Status.Should().Be(204);
    }

    [Fact]
    public async Task RejectCallAsync_ExampleResponse_Returns204()
    {
        await using var harness = Serve("RejectCall.json");

        var response = await harness.Client.RejectCallAsync("ctx", CallRejectReason.Forbidden);

        response.Status.Should().Be(204);
        JsonDocument.Parse(harness.SingleRequest().Body).RootElement.GetProperty("callRejectReason").GetString().Should().Be("forbidden");
    }

    private static ClientHarness Serve(string file)
    {
        var example = Load(file);
        var status = ExampleStatus(example);
        var body = example.RootElement.GetProperty("responses").EnumerateObject().First().Value.TryGetProperty("body", out var b) ? b.GetRawText() : null;
        return new ClientHarness(_ => new LoopbackReply(status, body));
    }

    private static int ExampleStatus(JsonDocument example) => int.Parse(example.RootElement.GetProperty("responses").EnumerateObject().First().Name, System.Globalization.CultureInfo.InvariantCulture);

    private static JsonElement ExampleBody(JsonDocument example) => example.RootElement.GetProperty("responses").EnumerateObject().First().Value.GetProperty("body");

    private static JsonDocument Load(string file) => JsonDocument.Parse(File.ReadAllText(Path.Combine(ReferenceFiles.ExamplesFolder, file)));
}
