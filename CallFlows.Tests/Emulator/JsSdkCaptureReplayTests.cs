using System.Text;
using System.Text.Json.Nodes;
using CallFlows.Emulator;

namespace CallFlows.Tests.Emulator;

/// <summary>
/// Replays every request the official JS SDK 1.6.0 sent (reference/acs-callautomation/js-sdk-1.6.0-requests.jsonl) —
/// same method, path, query, body and header set, signed the JS way — and expects the SDK's success status codes: a
/// third-party client works against the emulator unchanged.
/// </summary>
public sealed class JsSdkCaptureReplayTests : EmulatorTestBase
{
    private static readonly Dictionary<string, int> ExpectedStatus = new(StringComparer.Ordinal)
    {
        ["createCall"] = 201, ["createCallUser"] = 201, ["createGroupCall"] = 201, ["answerCall"] = 200, ["rejectCall"] = 204,
        ["redirectCall"] = 204, ["connectCallServer"] = 200, ["connectCallGroup"] = 200, ["connectCallRoom"] = 200,
        ["transfer"] = 202, ["transferWithTransferee"] = 202, ["addParticipant"] = 202, ["cancelAdd"] = 202,
        ["removeParticipant"] = 202, ["hangUp"] = 204, ["hangUpForEveryone"] = 204, ["getCall"] = 200, ["listParticipants"] = 200,
    };

    protected override void Configure(AcsEmulatorOptions options) => options.OwnedPhoneNumbers.Add("+16044561234");

    public static TheoryData<string> Operations()
    {
        var data = new TheoryData<string>();
        foreach (var line in File.ReadLines(CapturePath()))
        {
            data.Add(JsonNode.Parse(line)!["op"]!.GetValue<string>());
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task CapturedJsSdkRequest_Replayed_ReturnsTheSdksExpectedStatus(string op)
    {
        var capture = File.ReadLines(CapturePath()).Select(l => JsonNode.Parse(l)!).Single(c => c["op"]!.GetValue<string>() == op);
        var body = capture["body"]?.ToJsonString() ?? string.Empty;
        var path = capture["path"]!.GetValue<string>();

        // Point the captured placeholders at live state: callback URLs at the receiver, contexts and ids at real calls.
        body = body.Replace("https://app.example/api/callbacks?instance=abc", Receiver.CallbackUri.AbsoluteUri, StringComparison.Ordinal)
            .Replace("https://other/cb", Receiver.Url("other").AbsoluteUri, StringComparison.Ordinal);
        if (body.Contains("INCOMING-CTX", StringComparison.Ordinal))
        {
            var incoming = await Emulator.PlaceIncomingCallAsync(Caller, OwnedNumber);
            body = body.Replace("INCOMING-CTX", incoming.IncomingCallContext, StringComparison.Ordinal);
        }

        if (op == "connectCallServer")
        {
            var serverCallId = Emulator.World.CreateServerCall(Pstn);
            body = body.Replace("server-1", serverCallId, StringComparison.Ordinal);
        }

        if (path.Contains("conn-1", StringComparison.Ordinal))
        {
            var participant = op == "transferWithTransferee" ? Phone("+16040000000") : Phone(Pstn);
            var id = await CreateConnectedCallAsync(participant);
            path = path.Replace("conn-1", id, StringComparison.Ordinal);
        }

        var query = string.Join('&', capture["query"]!.AsObject().Select(q => $"{q.Key}={Uri.EscapeDataString(q.Value!.GetValue<string>())}"));
        using var request = new HttpRequestMessage(new HttpMethod(capture["method"]!.GetValue<string>()), path + "?" + query);
        var headers = capture["headers"]!.AsObject();
        if (capture["body"] is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        if (headers.ContainsKey("repeatability-request-id"))
        {
            request.Headers.TryAddWithoutValidation("Repeatability-Request-ID", Guid.NewGuid().ToString());
            request.Headers.TryAddWithoutValidation("Repeatability-First-Sent", DateTimeOffset.UtcNow.ToString("r", System.Globalization.CultureInfo.InvariantCulture));
        }

        request.Headers.TryAddWithoutValidation("x-ms-client-request-id", Guid.NewGuid().ToString());
        headers.Should().ContainKey("x-ms-date", "the JS SDK signs x-ms-date, like the signer here");

        var response = await Raw.SendAsync(request);

        response.Status.Should().Be(ExpectedStatus[op], response.Text);
        response.Headers.GetValues("x-ms-client-request-id").Should().ContainSingle();
    }

    private static string CapturePath()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CallFlows.sln")))
        {
            dir = dir.Parent;
        }

        return Path.Combine(dir!.FullName, "reference", "acs-callautomation", "js-sdk-1.6.0-requests.jsonl");
    }
}
