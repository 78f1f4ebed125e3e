using System.Text.Json.Nodes;
using CallFlows.Emulator;
using CallFlows.Emulator.EventGrid;
using CallFlows.Emulator.Observability;
using CallFlows.Emulator.Simulation;

namespace CallFlows.Tests.Emulator;

public sealed class IncomingCallTests : EmulatorTestBase
{
    protected override void Configure(AcsEmulatorOptions options)
    {
        options.RingTimeout = TimeSpan.FromSeconds(3);
        options.EventGridRetry = DeliveryRetryPolicy.EventGridFast with { InitialDelay = TimeSpan.FromMilliseconds(50), MaxDelay = TimeSpan.FromMilliseconds(200) };
    }

    [Fact]
    public async Task RegisterWebhook_EchoesCode_ValidatesThenDeliversIncomingCallInEventGridSchema()
    {
        var subscription = await Emulator.RegisterEventGridWebhookAsync(Receiver.EventGridUri, "calls");

        subscription.Name.Should().Be("CALLS");
        var validation = Receiver.EventGrid.Entries.Should().ContainSingle().Subject;
        validation.EventType.Should().Be("SubscriptionValidation");
        validation.First["eventType"]!.GetValue<string>().Should().Be("Microsoft.EventGrid.SubscriptionValidationEvent");

        var placed = await Emulator.PlaceIncomingCallAsync(Caller, OwnedNumber, new PlaceIncomingCallOptions
        {
            CallerDisplayName = "Alice",
            SipHeaders = new Dictionary<string, string> { ["User-To-User"] = "abc" },
        });

        var delivery = await Receiver.EventGrid.WaitForAsync(e => e.EventType == "Notification", Wait);
        delivery.SubscriptionName.Should().Be("CALLS");
        delivery.DeliveryCount.Should().Be(0);
        delivery.Events.Should().ContainSingle();
        var ev = delivery.First;
        ev["id"]!.GetValue<string>().Should().Be(placed.EventId);
        ev["eventType"]!.GetValue<string>().Should().Be("Microsoft.Communication.IncomingCall");
        ev["subject"]!.GetValue<string>().Should().Be($"/caller/4:{Caller}/recipient/4:{OwnedNumber}");
        ev["dataVersion"]!.GetValue<string>().Should().Be("1.0");
        var data = ev["data"]!.AsObject();
        AssertConforms(data, "IncomingCall");
        data["incomingCallContext"]!.GetValue<string>().Should().Be(placed.IncomingCallContext);
        data["from"]!["rawId"]!.GetValue<string>().Should().Be("4:" + Caller);
        data["to"]!["phoneNumber"]!["value"]!.GetValue<string>().Should().Be(OwnedNumber);
        data["callerDisplayName"]!.GetValue<string>().Should().Be("Alice");
        data["customContext"]!["sipHeaders"]!["User-To-User"]!.GetValue<string>().Should().Be("abc");
        data["serverCallId"]!.GetValue<string>().Should().Be(placed.ServerCallId);
        data["correlationId"]!.GetValue<string>().Should().Be(placed.CorrelationId);

        // The Event Grid SDK parses it as the IncomingCall system event.
        var parsed = Azure.Messaging.EventGrid.EventGridEvent.ParseMany(BinaryData.FromString(delivery.Events.ToJsonString()));
        parsed[0].TryGetSystemEventData(out var systemData).Should().BeTrue();
        systemData.Should().BeOfType<Azure.Messaging.EventGrid.SystemEvents.AcsIncomingCallEventData>()
            .Which.IncomingCallContext.Should().Be(placed.IncomingCallContext);
    }

    [Theory]
    [InlineData(ValidationReply.WrongCode)]
    [InlineData(ValidationReply.Accepted202)]
    public async Task RegisterWebhook_HandshakeNotCompleted_ThrowsAndDoesNotRegister(ValidationReply reply)
    {
        Receiver.Validation = reply;

        var act = () => Emulator.RegisterEventGridWebhookAsync(Receiver.EventGridUri);

        await act.Should().ThrowAsync<EventGridValidationException>();
        Emulator.EventGridSubscriptions.Should().BeEmpty();
        await Emulator.PlaceIncomingCallAsync(Caller, OwnedNumber);
        Receiver.EventGrid.Entries.Should().OnlyContain(e => e.EventType == "SubscriptionValidation");
    }

    [Fact]
    public async Task IncomingCall_WebhookFailsTwice_RetriedWithIncreasingDeliveryCount()
    {
        await Emulator.RegisterEventGridWebhookAsync(Receiver.EventGridUri);
        Receiver.FailNext("eventgrid", 2, 503);

        var placed = await Emulator.PlaceIncomingCallAsync(Caller, OwnedNumber);

        var deliveries = await Receiver.EventGrid.WaitForCountAsync(e => e.EventType == "Notification", 3, Wait);
        deliveries.Select(d => d.DeliveryCount).Should().Equal(0, 1, 2);
        deliveries.Should().OnlyContain(d => d.First["id"]!.GetValue<string>() == placed.EventId);
        var log = await Emulator.WaitForEventAsync(r => r.Channel == DeliveryChannel.EventGrid && r.Outcome == DeliveryOutcome.Delivered);
        log.Attempt.Should().Be(3);
        Emulator.EventLog.Entries.Count(r => r.Channel == DeliveryChannel.EventGrid && r.Outcome == DeliveryOutcome.WillRetry).Should().Be(2);
    }

    [Fact]
    public async Task RedeliverIncomingCall_SameEventIdAgain()
    {
        await Emulator.RegisterEventGridWebhookAsync(Receiver.EventGridUri);
        var placed = await Emulator.PlaceIncomingCallAsync(Caller, OwnedNumber);
        await Receiver.EventGrid.WaitForAsync(e => e.EventType == "Notification", Wait);

        Emulator.RedeliverIncomingCall(placed.EventId);

        var both = await Receiver.EventGrid.WaitForCountAsync(e => e.EventType == "Notification", 2, Wait);
        both[1].First["id"]!.GetValue<string>().Should().Be(placed.EventId);
        both[1].DeliveryCount.Should().Be(1);
        both[1].First["data"]!["incomingCallContext"]!.GetValue<string>().Should().Be(placed.IncomingCallContext);
    }

    [Fact]
    public async Task AnswerCall_RingingCall_Returns200ThenConnectedWithCallerAsParticipant()
    {
        var placed = await Emulator.PlaceIncomingCallAsync(Caller, OwnedNumber);

        var response = await Raw.PostAsync("/calling/callConnections:answer", new JsonObject
        {
            ["incomingCallContext"] = placed.IncomingCallContext,
            ["callbackUri"] = Receiver.CallbackUri.AbsoluteUri,
            ["operationContext"] = "ctx-answer",
        });

        response.Status.Should().Be(200, response.Text);
        AssertConforms(response.Body, "CallConnectionProperties");
        response.Body!["answeredFor"]!["value"]!.GetValue<string>().Should().Be(OwnedNumber);
        var id = response.Body["callConnectionId"]!.GetValue<string>();
        var connected = await Receiver.WaitForAsync(id, "CallConnected");
        connected.Data["operationContext"]!.GetValue<string>().Should().Be("ctx-answer");
        connected.Data["serverCallId"]!.GetValue<string>().Should().Be(placed.ServerCallId);
        var updated = await Receiver.WaitForAsync(id, "ParticipantsUpdated");
        updated.Data["participants"]![0]!["identifier"]!["rawId"]!.GetValue<string>().Should().Be("4:" + Caller);
        Emulator.IncomingCalls.Single().State.Should().Be(IncomingCallState.Answered);

        var again = await Raw.PostAsync("/calling/callConnections:answer", new JsonObject
        {
            ["incomingCallContext"] = placed.IncomingCallContext,
            ["callbackUri"] = Receiver.CallbackUri.AbsoluteUri,
        });
        again.Status.Should().Be(404, "a call can be answered once");
    }

    [Fact]
    public async Task AnswerCall_ForgedContext_Returns400NamingIncomingCallContext()
    {
        var response = await Raw.PostAsync("/calling/callConnections:answer", new JsonObject
        {
            ["incomingCallContext"] = "not-a-context",
            ["callbackUri"] = Receiver.CallbackUri.AbsoluteUri,
        });

        response.Status.Should().Be(400);
        response.ErrorTarget.Should().Be("incomingCallContext");
    }

    [Fact]
    public async Task RejectCall_Returns204AndEmitsNothing()
    {
        var placed = await Emulator.PlaceIncomingCallAsync(Caller, OwnedNumber);

        var response = await Raw.PostAsync("/calling/callConnections:reject", new JsonObject
        {
            ["incomingCallContext"] = placed.IncomingCallContext,
            ["callRejectReason"] = "busy",
        });

        response.Status.Should().Be(204, response.Text);
        response.Text.Should().BeEmpty();
        Emulator.IncomingCalls.Single().State.Should().Be(IncomingCallState.Rejected);
        Emulator.Calls.Should().BeEmpty();
        Emulator.EventLog.Entries.Should().NotContain(r => r.Channel == DeliveryChannel.Callback);
    }

    [Fact]
    public async Task RejectCall_UnknownReason_Returns400NamingCallRejectReason()
    {
        var placed = await Emulator.PlaceIncomingCallAsync(Caller, OwnedNumber);

        var response = await Raw.PostAsync("/calling/callConnections:reject", new JsonObject
        {
            ["incomingCallContext"] = placed.IncomingCallContext,
            ["callRejectReason"] = "bored",
        });

        response.Status.Should().Be(400);
        response.ErrorTarget.Should().Be("callRejectReason");
        response.ErrorMessage.Should().Contain("callRejectReason");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task RedirectCall_ToOwnedUserOrNumber_RaisesNewIncomingCallAndEmitsNoCallback(bool toUser)
    {
        Emulator.World.AddOwnedPhoneNumber("+18005550101");
        var ownUser = toUser ? $"8:acs:{Emulator.ResourceId}_00000002-0000-0000-0000-000000000001" : "4:+18005550101";
        await Emulator.RegisterEventGridWebhookAsync(Receiver.EventGridUri);
        var placed = await Emulator.PlaceIncomingCallAsync(Caller, OwnedNumber);

        var response = await Raw.PostAsync("/calling/callConnections:redirect", new JsonObject
        {
            ["incomingCallContext"] = placed.IncomingCallContext,
            ["target"] = toUser ? User(ownUser) : Phone(ownUser[2..]),
        });

        response.Status.Should().Be(204, response.Text);
        var second = await Receiver.EventGrid.WaitForAsync(
            e => e.EventType == "Notification" && e.First["data"]!["to"]!["rawId"]!.GetValue<string>() == ownUser, Wait);
        second.First["data"]!["from"]!["rawId"]!.GetValue<string>().Should().Be("4:" + Caller);
        second.First["data"]!["serverCallId"]!.GetValue<string>().Should().Be(placed.ServerCallId);
        Emulator.IncomingCalls.Should().HaveCount(2);
        Emulator.IncomingCalls[0].State.Should().Be(IncomingCallState.Redirected);
        Emulator.IncomingCalls[1].State.Should().Be(IncomingCallState.Ringing);
        Emulator.EventLog.Entries.Should().NotContain(r => r.Channel == DeliveryChannel.Callback);

        // The new IncomingCall can be answered like any other.
        var answer = await Raw.PostAsync("/calling/callConnections:answer", new JsonObject
        {
            ["incomingCallContext"] = Emulator.IncomingCalls[1].IncomingCallContext,
            ["callbackUri"] = Receiver.CallbackUri.AbsoluteUri,
        });
        answer.Status.Should().Be(200);
    }

    [Fact]
    public async Task RedirectCall_ToExternalNumber_Returns204WithoutIncomingCall()
    {
        await Emulator.RegisterEventGridWebhookAsync(Receiver.EventGridUri);
        var placed = await Emulator.PlaceIncomingCallAsync(Caller, OwnedNumber);
        await Receiver.EventGrid.WaitForAsync(e => e.EventType == "Notification", Wait);

        var response = await Raw.PostAsync("/calling/callConnections:redirect", new JsonObject
        {
            ["incomingCallContext"] = placed.IncomingCallContext,
            ["target"] = Phone(Pstn),
        });

        response.Status.Should().Be(204);
        Emulator.IncomingCalls.Should().ContainSingle().Which.RedirectedTo.Should().Be("4:" + Pstn);
    }

    [Fact]
    public async Task PlaceIncomingCall_ToNumberNotOwned_Throws()
    {
        var act = () => Emulator.PlaceIncomingCallAsync(Caller, Pstn);

        await act.Should().ThrowAsync<ArgumentException>().WithMessage("*not a phone number or ACS user of the resource*");
    }
}

public sealed class CloudEventsSchemaTests : EmulatorTestBase
{
    [Fact]
    public async Task RegisterCloudEventsWebhook_OptionsHandshake_ThenIncomingCallAsOneCloudEventPerPost()
    {
        var subscription = await Emulator.RegisterEventGridWebhookAsync(Receiver.CloudEventsUri, CallFlows.Emulator.EventGrid.EventGridDeliverySchema.CloudEvents, "ce");

        subscription.Schema.Should().Be(CallFlows.Emulator.EventGrid.EventGridDeliverySchema.CloudEvents);
        var placed = await Emulator.PlaceIncomingCallAsync(Caller, OwnedNumber);

        var (cloudEvent, deliveryCount, contentType) = await Receiver.CloudEvents.WaitForAsync(_ => true, Wait);
        contentType.Should().StartWith("application/cloudevents+json");
        deliveryCount.Should().Be(0);
        cloudEvent["specversion"]!.GetValue<string>().Should().Be("1.0");
        cloudEvent["id"]!.GetValue<string>().Should().Be(placed.EventId);
        cloudEvent["type"]!.GetValue<string>().Should().Be("Microsoft.Communication.IncomingCall");
        cloudEvent["source"]!.GetValue<string>().Should().Contain("/providers/Microsoft.Communication/communicationServices/");
        AssertConforms(cloudEvent["data"], "IncomingCall");
        var parsed = Azure.Messaging.CloudEvent.Parse(BinaryData.FromString(cloudEvent.ToJsonString()))!;
        parsed.Type.Should().Be("Microsoft.Communication.IncomingCall");
    }

    [Fact]
    public async Task RegisterCloudEventsWebhook_OriginNotAllowed_Throws()
    {
        Receiver.AllowedOrigin = null;

        var act = () => Emulator.RegisterEventGridWebhookAsync(Receiver.CloudEventsUri, CallFlows.Emulator.EventGrid.EventGridDeliverySchema.CloudEvents);

        await act.Should().ThrowAsync<CallFlows.Emulator.EventGrid.EventGridValidationException>().WithMessage("*WebHook-Allowed-Origin*");
        Emulator.EventGridSubscriptions.Should().BeEmpty();
    }
}
