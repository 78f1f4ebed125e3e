using System.Text.Json.Nodes;
using CallFlows.Emulator;
using CallFlows.Emulator.Schema;
using CallFlows.Emulator.Simulation;

namespace CallFlows.Tests.Emulator;

/// <summary>A fresh emulator, an app-side receiver and a raw signed client per test.</summary>
public abstract class EmulatorTestBase : IAsyncLifetime
{
    protected const string Caller = "+15550001111";
    protected const string OwnedNumber = "+18005550100";
    protected const string Pstn = "+15557654321";
    protected const string AcsUser = "8:acs:11111111-1111-1111-1111-111111111111_00000001-aaaa-bbbb-cccc-000000000001";
    protected const string AcsUser2 = "8:acs:11111111-1111-1111-1111-111111111111_00000001-aaaa-bbbb-cccc-000000000002";
    protected static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    // One signing key for the whole suite: RSA key generation per emulator would dominate the suite's CPU time.
    private static readonly System.Security.Cryptography.RSA SharedSigningKey = System.Security.Cryptography.RSA.Create(2048);

    private protected AcsEmulator Emulator { get; private set; } = null!;

    private protected CallbackReceiver Receiver { get; private set; } = null!;

    private protected RawCallingClient Raw { get; private set; } = null!;

    protected virtual void Configure(AcsEmulatorOptions options)
    {
    }

    public async Task InitializeAsync()
    {
        var options = new AcsEmulatorOptions
        {
            // Quick simulated people keep the suite fast; the 300 ms default is covered by its own test.
            DefaultBehavior = IdentityBehavior.Answers(TimeSpan.FromMilliseconds(20)),
            ConnectDelay = TimeSpan.FromMilliseconds(10),
            CallbackSigningKey = SharedSigningKey,
        };
        Configure(options);
        Emulator = await AcsEmulator.StartAsync(options);
        Receiver = await CallbackReceiver.StartAsync(Emulator);
        Raw = new RawCallingClient(Emulator);
    }

    private static readonly Dictionary<string, string> ResponseDefinitions = new(StringComparer.Ordinal)
    {
        ["CreateCall"] = "CallConnectionProperties",
        ["AnswerCall"] = "CallConnectionProperties",
        ["Connect"] = "CallConnectionProperties",
        ["CallConnection_GetCall"] = "CallConnectionProperties",
        ["CallConnection_TransferToParticipant"] = "TransferCallResponse",
        ["CallConnection_GetParticipants"] = "GetParticipantsResponse",
        ["CallConnection_GetParticipant"] = "CallParticipant",
        ["CallConnection_AddParticipant"] = "AddParticipantResponse",
        ["CallConnection_CancelAddParticipant"] = "CancelAddParticipantResponse",
        ["CallConnection_RemoveParticipant"] = "RemoveParticipantResponse",
        ["CallConnection_Mute"] = "MuteParticipantsResult",
        ["CallConnection_MoveParticipants"] = "MoveParticipantsResponse",
        ["CallMedia_SendDtmfTones"] = "SendDtmfTonesResult",
        ["CallRecording_StartRecording"] = "RecordingStateResponse",
        ["CallRecording_GetRecordingProperties"] = "RecordingStateResponse",
    };

    public async Task DisposeAsync()
    {
        // Whatever a test did, everything the emulator produced must match the spec exactly (strict: no extra properties).
        foreach (var request in Emulator.RequestLog.Entries.Where(r => r.ResponseBody.Length > 0))
        {
            var definition = request.Status is >= 200 and < 300 ? ResponseDefinitions[request.Operation!] : "CommunicationErrorResponse";
            CallAutomationSpec.Instance.Validate(JsonNode.Parse(request.ResponseBody), definition, strictAdditionalProperties: true)
                .Should().BeEmpty($"the {request} response must be a {definition}");
        }

        foreach (var callback in Receiver.Callbacks.Entries)
        {
            CallAutomationSpec.Instance.Validate(callback.Data, callback.Name, strictAdditionalProperties: true)
                .Should().BeEmpty($"the {callback.Name} data must conform to the spec");
        }

        foreach (var delivery in Receiver.EventGrid.Entries.Where(e => e.EventType == "Notification" && e.First["eventType"]?.GetValue<string>() == "Microsoft.Communication.IncomingCall"))
        {
            CallAutomationSpec.Instance.Validate(delivery.First["data"], "IncomingCall", strictAdditionalProperties: true).Should().BeEmpty();
        }

        Raw.Dispose();
        await Emulator.DisposeAsync();
        await Receiver.DisposeAsync();
    }

    protected static JsonObject Phone(string number) => new()
    {
        ["kind"] = "phoneNumber",
        ["rawId"] = "4:" + number,
        ["phoneNumber"] = new JsonObject { ["value"] = number, ["isAnonymous"] = false },
    };

    protected static JsonObject User(string rawId) => new()
    {
        ["kind"] = "communicationUser",
        ["rawId"] = rawId,
        ["communicationUser"] = new JsonObject { ["id"] = rawId },
    };

    protected static JsonObject CallerId() => new() { ["value"] = OwnedNumber, ["isAnonymous"] = false };

    protected static void AssertConforms(JsonNode? value, string definition)
    {
        var violations = CallAutomationSpec.Instance.Validate(value, definition);
        violations.Should().BeEmpty($"{definition} must conform to the spec: {value?.ToJsonString()}");
    }

    /// <summary>Creates a call to <paramref name="target"/> and waits until CallConnected reached the app.</summary>
    private protected async Task<string> CreateConnectedCallAsync(JsonObject? target = null, Uri? callbackUri = null)
    {
        var response = await Raw.PostAsync("/calling/callConnections", new JsonObject
        {
            ["targets"] = new JsonArray(target ?? User(AcsUser)),
            ["sourceCallerIdNumber"] = CallerId(),
            ["callbackUri"] = (callbackUri ?? Receiver.CallbackUri).AbsoluteUri,
            ["operationContext"] = "create",
        });
        response.Status.Should().Be(201, response.Text);
        var id = response.Body!["callConnectionId"]!.GetValue<string>();
        await Receiver.WaitForAsync(id, "ParticipantsUpdated");
        return id;
    }

    /// <summary>Places a call to the owned number and answers it; returns the call connection id.</summary>
    private protected async Task<string> AnswerIncomingCallAsync(string from = Caller)
    {
        var incoming = await Emulator.PlaceIncomingCallAsync(from, OwnedNumber);
        var response = await Raw.PostAsync("/calling/callConnections:answer", new JsonObject
        {
            ["incomingCallContext"] = incoming.IncomingCallContext,
            ["callbackUri"] = Receiver.CallbackUri.AbsoluteUri,
            ["operationContext"] = "answer",
        });
        response.Status.Should().Be(200, response.Text);
        var id = response.Body!["callConnectionId"]!.GetValue<string>();
        await Receiver.WaitForAsync(id, "ParticipantsUpdated");
        return id;
    }

    /// <summary>Waits for CallDisconnected and checks it is the last event the app got for the call and that every JWT was valid.</summary>
    private protected async Task<ReceivedCallback> AssertEndsWithCallDisconnectedAsync(string callConnectionId)
    {
        var disconnected = await Receiver.WaitForAsync(callConnectionId, "CallDisconnected");
        await Emulator.WaitForEventAsync(callConnectionId, "CallDisconnected");
        // The emulator's own log proves nothing was queued after it: every callback of this call has been delivered.
        var emulatorNames = Emulator.EventLog.Entries.Where(e => e.CallConnectionId == callConnectionId && e.Outcome == CallFlows.Emulator.Observability.DeliveryOutcome.Delivered)
            .Select(e => e.Name).ToList();
        emulatorNames.Last().Should().Be("CallDisconnected");
        Receiver.NamesFor(callConnectionId).Last().Should().Be("CallDisconnected");
        Receiver.NamesFor(callConnectionId).Count(n => n == "CallDisconnected").Should().Be(1);
        Receiver.Callbacks.Entries.Should().OnlyContain(c => c.TokenError == null, "every callback carries a valid JWT");
        return disconnected;
    }
}
