using System.Text.Json;
using CallFlows.CallAutomation;

namespace CallFlows.Tests.CallAutomation;

/// <summary>Event Grid deliveries to the incoming-call webhook: validation handshake and IncomingCall, in both schemas (PROTOCOL.md §8).</summary>
public class EventGridIncomingCallParserTests
{
    private const string IncomingCallData = """
        {"to":{"kind":"phoneNumber","rawId":"4:+18005550100","phoneNumber":{"value":"+18005550100"}},
         "from":{"kind":"phoneNumber","rawId":"4:+14255550123","phoneNumber":{"value":"+14255550123"}},
         "serverCallId":"aHR0cHM6Ly9hcGk","callerDisplayName":"Alice","incomingCallContext":"eyJhbGciOiJub25lIn0.eyJjYyI6Ikg0c0kifQ.",
         "customContext":{"sipHeaders":{"user-To-User":"abc=1","X-MS-Custom-Agent":"42"},"voipHeaders":{"tier":"gold"}},
         "onBehalfOfCallee":{"kind":"microsoftTeamsApp","rawId":"28:orgid:app-1","microsoftTeamsApp":{"appId":"app-1","cloud":"public"}},
         "correlationId":"d3a3f0a1-0000-4000-8000-000000000001","somethingNew":1}
        """;

    private static readonly string EventGridIncoming = $$"""
        [{"id":"d5546be8-0001","topic":"/subscriptions/s/resourcegroups/rg/providers/microsoft.communication/communicationservices/acs",
          "subject":"/caller/4:+14255550123/recipient/4:+18005550100","eventType":"Microsoft.Communication.IncomingCall",
          "eventTime":"2022-08-25T19:27:24.2415391Z","dataVersion":"1.0","metadataVersion":"1","data":{{IncomingCallData}}}]
        """;

    [Fact]
    public void ParseMany_EventGridSchemaIncomingCall_MapsEveryField()
    {
        var result = EventGridIncomingCallParser.ParseMany(BinaryData.FromString(EventGridIncoming)).Single();

        result.Kind.Should().Be(EventGridParseResultKind.IncomingCall);
        result.EventId.Should().Be("d5546be8-0001");
        result.EventType.Should().Be("Microsoft.Communication.IncomingCall");
        AssertIncomingCall(result.IncomingCall!, "d5546be8-0001");
    }

    [Fact]
    public void ParseMany_CloudEventsSchemaIncomingCall_MapsEveryField()
    {
        var body = $$"""
            [{"specversion":"1.0","id":"ce-0002","source":"/subscriptions/s/resourcegroups/rg/providers/microsoft.communication/communicationservices/acs",
              "subject":"/caller/4:+14255550123/recipient/4:+18005550100","type":"Microsoft.Communication.IncomingCall",
              "time":"2022-08-25T19:27:24.2415391Z","datacontenttype":"application/json","data":{{IncomingCallData}}}]
            """;

        var result = EventGridIncomingCallParser.Parse(BinaryData.FromString(body));

        result.Kind.Should().Be(EventGridParseResultKind.IncomingCall);
        AssertIncomingCall(result.IncomingCall!, "ce-0002");
    }

    [Fact]
    public void Parse_SingleObjectInsteadOfArray_IsAccepted()
    {
        var single = EventGridIncoming.Trim()[1..^1];

        var result = EventGridIncomingCallParser.Parse(BinaryData.FromString(single));

        AssertIncomingCall(result.IncomingCall!, "d5546be8-0001");
    }

    [Fact]
    public void Parse_CloudEventsValidation_ReturnsValidationCode()
    {
        var body = """
            {"specversion":"1.0","id":"v-1","source":"/subscriptions/s","type":"Microsoft.EventGrid.SubscriptionValidationEvent",
             "time":"2018-01-25T22:12:19Z","data":{"validationCode":"code-1","validationUrl":"https://x/validate"}}
            """;

        var result = EventGridIncomingCallParser.Parse(BinaryData.FromString(body));

        result.Kind.Should().Be(EventGridParseResultKind.SubscriptionValidation);
        result.ValidationCode.Should().Be("code-1");
    }

    [Fact]
    public void Parse_EventGridValidation_ReturnsValidationCode()
    {
        var body = """
            [{"id":"2d1781af-3a4c","topic":"/subscriptions/s","subject":"","data":{"validationCode":"512d38b6-c7b8-40c8-89fe-f46f9e9622b6",
              "validationUrl":"https://rp-eastus2.eventgrid.azure.net:553/eventsubscriptions/estest/validate?id=512d38b6&t=2018-04-26T20:30:54.4538837Z&apiVersion=2018-05-01-preview&token=1A1A1A1A"},
              "eventType":"Microsoft.EventGrid.SubscriptionValidationEvent","eventTime":"2018-01-25T22:12:19.4556811Z","metadataVersion":"1","dataVersion":"1"}]
            """;

        var result = EventGridIncomingCallParser.Parse(BinaryData.FromString(body));

        result.Kind.Should().Be(EventGridParseResultKind.SubscriptionValidation);
        result.ValidationCode.Should().Be("512d38b6-c7b8-40c8-89fe-f46f9e9622b6");
        result.ValidationUrl!.Port.Should().Be(553);
        result.IncomingCall.Should().BeNull();
    }

    [Fact]
    public void Parse_OtherEventType_ReturnsOther()
    {
        var body = """[{"id":"o-1","topic":"/t","subject":"s","eventType":"Microsoft.Communication.CallStarted","eventTime":"2022-08-25T19:27:24Z","dataVersion":"1.0","data":{}}]""";

        var result = EventGridIncomingCallParser.Parse(BinaryData.FromString(body));

        result.Kind.Should().Be(EventGridParseResultKind.Other);
        result.EventType.Should().Be("Microsoft.Communication.CallStarted");
    }

    [Theory]
    [InlineData("nope")]
    [InlineData("[1]")]
    [InlineData("[{\"id\":\"x\"}]")]
    [InlineData("""[{"id":"i-1","topic":"/t","subject":"s","eventType":"Microsoft.Communication.IncomingCall","eventTime":"2022-08-25T19:27:24Z","dataVersion":"1.0","data":{"serverCallId":"x"}}]""")]
    [InlineData("[]")]
    public void Parse_MalformedDelivery_ThrowsFormatException(string body)
    {
        var act = () => EventGridIncomingCallParser.Parse(BinaryData.FromString(body));

        act.Should().Throw<CallAutomationEventFormatException>();
    }

    [Fact]
    public void IncomingCall_SystemTextJson_RoundTripsWithAnyOptions()
    {
        var incoming = EventGridIncomingCallParser.Parse(BinaryData.FromString(EventGridIncoming)).IncomingCall!;

        foreach (var options in CallbackEventParserTests.AllOptions())
        {
            var back = JsonSerializer.Deserialize<IncomingCall>(JsonSerializer.Serialize(incoming, options), options)!;

            back.Should().BeEquivalentTo(incoming);
            AssertIncomingCall(back, "d5546be8-0001");
        }
    }

    private static void AssertIncomingCall(IncomingCall call, string eventId)
    {
        call.EventId.Should().Be(eventId);
        call.EventTime.Should().Be(new DateTimeOffset(2022, 8, 25, 19, 27, 24, 241, TimeSpan.Zero).AddTicks(5391));
        call.To.Should().BeOfType<PhoneNumberIdentifier>().Which.PhoneNumber.Should().Be("+18005550100");
        call.From.Should().Be(new PhoneNumberIdentifier("+14255550123"));
        call.ServerCallId.Should().Be("aHR0cHM6Ly9hcGk");
        call.CallerDisplayName.Should().Be("Alice");
        call.IncomingCallContext.Should().Be("eyJhbGciOiJub25lIn0.eyJjYyI6Ikg0c0kifQ.");
        call.GetSipHeader("User-To-User").Should().Be("abc=1", "keys are matched case-insensitively");
        call.SipHeaders["X-MS-Custom-Agent"].Should().Be("42");
        call.VoipHeaders.Should().Equal(new Dictionary<string, string> { ["tier"] = "gold" });
        call.OnBehalfOfCallee.Should().BeOfType<MicrosoftTeamsAppIdentifier>().Which.AppId.Should().Be("app-1");
        call.CorrelationId.Should().Be("d3a3f0a1-0000-4000-8000-000000000001");
    }
}
