using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using CallFlows.CallAutomation;

namespace CallFlows.Tests.CallAutomation;

/// <summary>
/// Replays every request captured from JS SDK 1.6.0 (reference/acs-callautomation/js-sdk-1.6.0-requests.jsonl) through the
/// C# client against a real loopback HTTP server and compares what arrives on the wire.
/// </summary>
public class WireCaptureTests
{
    private static readonly Uri Callback = new("https://app.example/api/callbacks?instance=abc");
    private static readonly PhoneNumberIdentifier Target = new("+16041234567");
    private static readonly PhoneNumberIdentifier CallerId = new("+16044561234");
    private static readonly CommunicationUserIdentifier User = new("8:acs:resource_user1");

    /// <summary>The same operation with the same inputs the capture was made with, one entry per captured op.</summary>
    private static readonly Dictionary<string, Func<CallAutomationClient, Task>> Operations = new()
    {
        ["createCall"] = c => c.CreateCallAsync(new CreateCallOptions(new CallInvite(Target, CallerId), Callback) { OperationContext = "ctx-create" }),
        ["createCallUser"] = c => c.CreateCallAsync(new CallInvite(User), Callback),
        ["createGroupCall"] = c => c.CreateGroupCallAsync(new CreateGroupCallOptions([Target, User], Callback) { SourceCallerIdNumber = CallerId, OperationContext = "ctx-group" }),
        ["answerCall"] = c => c.AnswerCallAsync(new AnswerCallOptions("INCOMING-CTX", Callback) { OperationContext = "ctx-answer" }),
        ["rejectCall"] = c => c.RejectCallAsync("INCOMING-CTX", CallRejectReason.Busy),
        ["redirectCall"] = c => c.RedirectCallAsync("INCOMING-CTX", new CallInvite(Target, CallerId)),
        ["connectCallServer"] = c => c.ConnectCallAsync(new ServerCallLocator("server-1"), Callback),
        ["connectCallGroup"] = c => c.ConnectCallAsync(new GroupCallLocator("group-1"), Callback),
        ["connectCallRoom"] = c => c.ConnectCallAsync(new ConnectCallOptions(new RoomCallLocator("room-1"), Callback) { OperationContext = "ctx-room" }),
        ["transfer"] = c => c.GetCallConnection("conn-1").TransferCallToParticipantAsync(
            new TransferToParticipantOptions(User) { OperationContext = "ctx-t", OperationCallbackUri = new Uri("https://other/cb") }),
        ["transferWithTransferee"] = c => c.GetCallConnection("conn-1").TransferCallToParticipantAsync(
            new TransferToParticipantOptions(Target) { Transferee = new PhoneNumberIdentifier("+16040000000"), SourceCallerIdNumber = CallerId }),
        ["addParticipant"] = c => c.GetCallConnection("conn-1").AddParticipantAsync(
            new AddParticipantOptions(new CallInvite(Target, CallerId)) { InvitationTimeoutInSeconds = 60, OperationContext = "ctx-add", OperationCallbackUri = new Uri("https://other/cb") }),
        ["cancelAdd"] = c => c.GetCallConnection("conn-1").CancelAddParticipantOperationAsync(new CancelAddParticipantOperationOptions("inv-1") { OperationContext = "ctx-cancel" }),
        ["removeParticipant"] = c => c.GetCallConnection("conn-1").RemoveParticipantAsync(new RemoveParticipantOptions(User) { OperationContext = "ctx-rm" }),
        ["hangUp"] = c => c.GetCallConnection("conn-1").HangUpAsync(false),
        ["hangUpForEveryone"] = c => c.GetCallConnection("conn-1").HangUpAsync(true),
        ["getCall"] = c => c.GetCallConnection("conn-1").GetCallConnectionPropertiesAsync(),
        ["listParticipants"] = c => c.GetCallConnection("conn-1").GetParticipantsAsync(),
    };

    /// <summary>
    /// Headers sent beyond the capture, on purpose: <c>host</c>/<c>content-length</c> (HTTP framing; the capture leaves them out),
    /// <c>accept</c> and <c>user-agent</c> (JS sends both too, PROTOCOL.md §1; ours names this library),
    /// <c>x-ms-return-client-request-id</c> (added by Azure.Core's ClientRequestIdPolicy; asks the service to echo the id).
    /// </summary>
    private static readonly string[] DeliberateExtraHeaders = ["host", "content-length", "accept", "user-agent", "x-ms-return-client-request-id"];

    private static readonly Lazy<SwaggerSchemaValidator> Spec = new(() => new SwaggerSchemaValidator(ReferenceFiles.SpecPath));

    public static TheoryData<string> CapturedOperations()
    {
        var data = new TheoryData<string>();
        foreach (var op in CapturedOpNames())
        {
            data.Add(op);
        }

        return data;
    }

    private static List<string> CapturedOpNames() =>
        File.ReadLines(ReferenceFiles.CapturesPath).Where(l => l.Trim().Length > 0)
            .Select(line => JsonDocument.Parse(line).RootElement.GetProperty("op").GetString()!).ToList();

    [Fact]
    public void Captures_EveryOperation_HasAReplay()
    {
        var ops = CapturedOpNames();
        ops.Should().HaveCount(18).And.OnlyHaveUniqueItems();
        Operations.Keys.Should().BeEquivalentTo(ops, "every captured line must be replayed, and nothing else is claimed");
    }

    [Theory]
    [MemberData(nameof(CapturedOperations))]
    public async Task Replay_CapturedOperation_MatchesJsSdkOnTheWire(string op)
    {
        var capture = File.ReadLines(ReferenceFiles.CapturesPath).Select(l => JsonDocument.Parse(l).RootElement).Single(e => e.GetProperty("op").GetString() == op);
        await using var harness = new ClientHarness();

        await Operations[op](harness.Client);

        var request = harness.SingleRequest();
        request.Method.Should().Be(capture.GetProperty("method").GetString());
        request.Path.Should().Be(capture.GetProperty("path").GetString());
        ParseQuery(request.Query).Should().BeEquivalentTo(
            capture.GetProperty("query").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()));

        var capturedHeaders = capture.GetProperty("headers").EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var name in new[] { "repeatability-request-id", "repeatability-first-sent", "content-type", "x-ms-client-request-id", "x-ms-date", "x-ms-content-sha256", "authorization" })
        {
            (request.Headers[name] is not null).Should().Be(capturedHeaders.Contains(name), $"header '{name}' must be present exactly when JS sent it");
        }

        request.Headers.AllKeys.Select(k => k!.ToLowerInvariant()).Except(DeliberateExtraHeaders).Should().BeEquivalentTo(
            capturedHeaders.Select(h => h.ToLowerInvariant()), "apart from the listed extras, the header set equals the JS capture");

        if (capturedHeaders.Contains("repeatability-request-id"))
        {
            AssertRepeatability(request, harness.Time.GetUtcNow());
        }

        Guid.TryParse(request.Headers["x-ms-client-request-id"], out _).Should().BeTrue();
        request.Headers["Accept"].Should().Be("application/json");
        HmacVerifier.AssertSigned(request);

        var capturedBody = capture.GetProperty("body");
        if (capturedBody.ValueKind == JsonValueKind.Null)
        {
            request.Body.Should().BeEmpty();
            return;
        }

        request.Headers["Content-Type"].Should().StartWith("application/json");
        var actual = JsonNode.Parse(request.Body)!.AsObject();
        var expected = JsonNode.Parse(capturedBody.GetRawText())!.AsObject();
        ApplyDeliberateDifferences(op, expected, actual);
        JsonAssert.Equivalent(JsonSerializer.SerializeToElement(expected), JsonSerializer.SerializeToElement(actual), $"for op {op}");

        if (op != "transferWithTransferee")
        {
            // Stronger than semantic equality: same keys, same order, same escaping as JSON.stringify in JS 1.6.0.
            request.BodyText.Should().Be(CompactLikeJavaScript(capturedBody), "the body bytes should equal what JS 1.6.0 sent");
        }

        var (_, operation) = Spec.Value.FindOperation(request.Method, request.Path);
        var schema = Spec.Value.BodySchema(operation);
        schema.Should().NotBeNull();
        Spec.Value.Validate(schema!.Value, JsonDocument.Parse(request.Body).RootElement, isRequest: true).Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(CapturedOperations))]
    public async Task Replay_CapturedOperation_SendsRepeatabilityExactlyWhereTheSpecDeclaresIt(string op)
    {
        await using var harness = new ClientHarness();

        await Operations[op](harness.Client);

        var request = harness.SingleRequest();
        var (_, operation) = Spec.Value.FindOperation(request.Method, request.Path);
        var declared = Spec.Value.HeaderParameters(operation);
        (request.Headers["Repeatability-Request-ID"] is not null).Should().Be(declared.Contains("Repeatability-Request-ID"));
        (request.Headers["Repeatability-First-Sent"] is not null).Should().Be(declared.Contains("Repeatability-First-Sent"));
    }

    [Fact]
    public async Task GetParticipantAsync_AcsUser_PercentEncodesRawIdInPath()
    {
        await using var harness = new ClientHarness();

        var participant = await harness.Client.GetCallConnection("conn-1").GetParticipantAsync(User);

        var request = harness.SingleRequest();
        request.Method.Should().Be("GET");
        request.RawUrl.Should().Be("/calling/callConnections/conn-1/participants/8%3Aacs%3Aresource_user1?api-version=2026-03-12");
        request.Headers["Repeatability-Request-ID"].Should().BeNull();
        request.Body.Should().BeEmpty();
        HmacVerifier.AssertSigned(request);
        participant.Value.Identifier.Should().Be(User);
    }

    [Fact]
    public async Task GetParticipantAsync_PhoneNumber_PercentEncodesPlusAndColon()
    {
        await using var harness = new ClientHarness();

        await harness.Client.GetCallConnection("conn-1").GetParticipantAsync(Target);

        var request = harness.SingleRequest();
        request.Path.Should().Be("/calling/callConnections/conn-1/participants/4%3A%2B16041234567");
        HmacVerifier.AssertSigned(request);
    }

    [Fact]
    public async Task MuteParticipantAsync_AcsUser_SendsOneElementTargetArrayWithRepeatability()
    {
        await using var harness = new ClientHarness();

        var result = await harness.Client.GetCallConnection("conn-1").MuteParticipantAsync(new MuteParticipantOptions(User) { OperationContext = "ctx-mute" });

        var request = harness.SingleRequest();
        request.Method.Should().Be("POST");
        request.RawUrl.Should().Be("/calling/callConnections/conn-1/participants:mute?api-version=2026-03-12");
        AssertRepeatability(request, harness.Time.GetUtcNow());
        HmacVerifier.AssertSigned(request);
        JsonAssert.Equivalent(
            JsonDocument.Parse("""{"targetParticipants":[{"kind":"communicationUser","rawId":"8:acs:resource_user1","communicationUser":{"id":"8:acs:resource_user1"}}],"operationContext":"ctx-mute"}""").RootElement,
            JsonDocument.Parse(request.Body).RootElement);
        var (_, operation) = Spec.Value.FindOperation("POST", request.Path);
        Spec.Value.Validate(Spec.Value.BodySchema(operation)!.Value, JsonDocument.Parse(request.Body).RootElement, isRequest: true).Should().BeEmpty();
        result.Value.OperationContext.Should().Be("ctx-mute");
    }

    [Fact]
    public async Task MoveParticipantsAsync_TwoUsers_SendsSpecValidBody()
    {
        await using var harness = new ClientHarness();

        var result = await harness.Client.GetCallConnection("conn-1").MoveParticipantsAsync(new MoveParticipantsOptions([User, Target], "conn-0") { OperationContext = "ctx-move" });

        var request = harness.SingleRequest();
        request.Path.Should().Be("/calling/callConnections/conn-1/participants:moveHere");
        AssertRepeatability(request, harness.Time.GetUtcNow());
        HmacVerifier.AssertSigned(request);
        var (_, operation) = Spec.Value.FindOperation("POST", request.Path);
        Spec.Value.Validate(Spec.Value.BodySchema(operation)!.Value, JsonDocument.Parse(request.Body).RootElement, isRequest: true).Should().BeEmpty();
        result.Value.FromCall.Should().Be("conn-0");
        result.Value.Participants.Should().ContainSingle().Which.Identifier.Should().Be(User);
    }

    [Fact]
    public async Task AddParticipantAsync_CustomCallingContext_SendsPrefixedSipAndVoipHeaders()
    {
        await using var harness = new ClientHarness();
        var invite = new CallInvite(Target, CallerId) { SourceDisplayName = "Contoso" };
        invite.CustomCallingContext.AddSipUui("abc=1");
        invite.CustomCallingContext.AddSipX("Agent", "42");
        invite.CustomCallingContext.AddSipX("Plain", "v", SipHeaderPrefix.X);
        invite.CustomCallingContext.AddVoip("tier", "gold");

        await harness.Client.GetCallConnection("conn-1").AddParticipantAsync(invite);

        var body = JsonDocument.Parse(harness.SingleRequest().Body).RootElement;
        JsonAssert.Equivalent(
            JsonDocument.Parse("""{"voipHeaders":{"tier":"gold"},"sipHeaders":{"User-To-User":"abc=1","X-MS-Custom-Agent":"42","X-Plain":"v"}}""").RootElement,
            body.GetProperty("customCallingContext"));
        body.GetProperty("sourceDisplayName").GetString().Should().Be("Contoso");
        var (_, operation) = Spec.Value.FindOperation("POST", "/calling/callConnections/conn-1/participants:add");
        Spec.Value.Validate(Spec.Value.BodySchema(operation)!.Value, body, isRequest: true).Should().BeEmpty();
    }

    [Fact]
    public async Task CreateCallAsync_ExplicitRepeatabilityHeaders_SendsThemVerbatim()
    {
        await using var harness = new ClientHarness();
        var pair = new RepeatabilityHeaders(Guid.Parse("0b5f4a8e-3c1d-4f6a-9e2b-7d8c9a0b1c2d"), new DateTimeOffset(2026, 11, 23, 22, 1, 2, TimeSpan.FromHours(2)));

        await harness.Client.CreateCallAsync(new CreateCallOptions(new CallInvite(User), Callback) { RepeatabilityHeaders = pair });

        var request = harness.SingleRequest();
        request.Headers["Repeatability-Request-ID"].Should().Be("0b5f4a8e-3c1d-4f6a-9e2b-7d8c9a0b1c2d");
        request.Headers["Repeatability-First-Sent"].Should().Be("Mon, 23 Nov 2026 20:01:02 GMT");
    }

    /// <summary>
    /// Differences PROTOCOL.md allows and the client makes on purpose; each is applied to both sides only for the named op.
    /// </summary>
    private static void ApplyDeliberateDifferences(string op, JsonObject expected, JsonObject actual)
    {
        if (op == "transferWithTransferee")
        {
            // PROTOCOL.md §6.6: JS fills operationContext with a random UUID when none is given; so does this client.
            // The values cannot be equal; both must be UUIDs.
            Guid.TryParse(expected["operationContext"]!.GetValue<string>(), out _).Should().BeTrue();
            Guid.TryParse(actual["operationContext"]!.GetValue<string>(), out _).Should().BeTrue();
            expected.Remove("operationContext");
            actual.Remove("operationContext");
        }
    }

    private static void AssertRepeatability(RecordedRequest request, DateTimeOffset now)
    {
        var id = request.Headers["Repeatability-Request-ID"];
        Guid.TryParseExact(id, "D", out var guid).Should().BeTrue($"'{id}' must be a UUID");
        guid.ToString("D").Should().Be(id, "the id is sent lower-case");
        var firstSent = request.Headers["Repeatability-First-Sent"];
        DateTimeOffset.ParseExact(firstSent!, "r", CultureInfo.InvariantCulture).Should().Be(now, "first-sent comes from the client's TimeProvider");
        firstSent.Should().EndWith(" GMT");
    }

    private static string CompactLikeJavaScript(JsonElement element)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            element.WriteTo(writer);
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private static Dictionary<string, string> ParseQuery(string query) =>
        query.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(parts => Uri.UnescapeDataString(parts[0]), parts => Uri.UnescapeDataString(parts.Length > 1 ? parts[1] : string.Empty));
}
