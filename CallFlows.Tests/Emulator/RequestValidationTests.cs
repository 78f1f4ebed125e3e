using System.Text.Json.Nodes;

namespace CallFlows.Tests.Emulator;

public sealed class RequestValidationTests : EmulatorTestBase
{
    [Fact]
    public async Task CreateCall_MissingCallbackUri_Returns400NamingCallbackUri()
    {
        var response = await Raw.PostAsync("/calling/callConnections", new JsonObject { ["targets"] = new JsonArray(User(AcsUser)) });

        response.Status.Should().Be(400);
        response.ErrorTarget.Should().Be("callbackUri");
        response.ErrorMessage.Should().Contain("callbackUri").And.Contain("required");
        AssertConforms(response.Body, "CommunicationErrorResponse");
        Emulator.Calls.Should().BeEmpty();
    }

    [Fact]
    public async Task CreateCall_TargetsNotAnArray_Returns400NamingTargets()
    {
        var response = await Raw.PostAsync("/calling/callConnections", new JsonObject
        {
            ["targets"] = "8:acs:x",
            ["callbackUri"] = Receiver.CallbackUri.AbsoluteUri,
        });

        response.Status.Should().Be(400);
        response.ErrorTarget.Should().Be("targets");
        response.ErrorMessage.Should().Contain("array");
    }

    [Fact]
    public async Task CreateCall_IdentifierFromCommonSpecMissingRequiredId_Returns400WithNestedPath()
    {
        var response = await Raw.PostAsync("/calling/callConnections", new JsonObject
        {
            ["targets"] = new JsonArray(new JsonObject { ["kind"] = "communicationUser", ["communicationUser"] = new JsonObject() }),
            ["callbackUri"] = Receiver.CallbackUri.AbsoluteUri,
        });

        response.Status.Should().Be(400);
        response.ErrorTarget.Should().Be("targets[0].communicationUser.id");
    }

    [Fact]
    public async Task CreateCall_UnknownIdentifierKind_Returns400NamingKind()
    {
        var response = await Raw.PostAsync("/calling/callConnections", new JsonObject
        {
            ["targets"] = new JsonArray(new JsonObject { ["kind"] = "carrierPigeon", ["rawId"] = "x" }),
            ["callbackUri"] = Receiver.CallbackUri.AbsoluteUri,
        });

        response.Status.Should().Be(400);
        response.ErrorTarget.Should().Be("targets[0].kind");
    }

    [Fact]
    public async Task CreateCall_KindMismatchingNestedProperty_Returns400()
    {
        var response = await Raw.PostAsync("/calling/callConnections", new JsonObject
        {
            ["targets"] = new JsonArray(new JsonObject { ["kind"] = "phoneNumber", ["communicationUser"] = new JsonObject { ["id"] = AcsUser } }),
            ["callbackUri"] = Receiver.CallbackUri.AbsoluteUri,
        });

        response.Status.Should().Be(400);
        response.ErrorTarget.Should().Be("targets[0]");
    }

    [Fact]
    public async Task CreateCall_RelativeCallbackUri_Returns400NamingCallbackUri()
    {
        var response = await Raw.PostAsync("/calling/callConnections", new JsonObject
        {
            ["targets"] = new JsonArray(User(AcsUser)),
            ["callbackUri"] = "/api/callbacks",
        });

        response.Status.Should().Be(400);
        response.ErrorTarget.Should().Be("callbackUri");
    }

    [Fact]
    public async Task CreateCall_MalformedJson_Returns400()
    {
        var response = await Raw.PostRawAsync("/calling/callConnections", "{\"targets\": [");

        response.Status.Should().Be(400);
        response.ErrorCode.Should().Be("InvalidJson");
    }

    [Fact]
    public async Task CreateCall_UnknownPropertyFromNewerClient_Accepted()
    {
        var response = await Raw.PostAsync("/calling/callConnections", new JsonObject
        {
            ["targets"] = new JsonArray(User(AcsUser)),
            ["callbackUri"] = Receiver.CallbackUri.AbsoluteUri,
            ["someFutureOption"] = true,
        });

        response.Status.Should().Be(201, response.Text);
    }

    [Fact]
    public async Task Connect_LocatorWithoutId_Returns400NamingTheLocatorField()
    {
        var response = await Raw.PostAsync("/calling/callConnections:connect", new JsonObject
        {
            ["callLocator"] = new JsonObject { ["kind"] = "groupCallLocator" },
            ["callbackUri"] = Receiver.CallbackUri.AbsoluteUri,
        });

        response.Status.Should().Be(400);
        response.ErrorTarget.Should().Be("callLocator.groupCallId");
    }

    [Fact]
    public async Task RequestLog_RecordsEveryRequestWithOperationAndStatus()
    {
        await Raw.PostAsync("/calling/callConnections", new JsonObject { ["targets"] = new JsonArray(User(AcsUser)) });
        await Raw.GetAsync("/calling/callConnections/nope");

        Emulator.RequestLog.Entries.Select(r => (r.Operation, r.Status)).Should().Equal(("CreateCall", 400), ("CallConnection_GetCall", 404));
        Emulator.RequestLog.Entries[1].CallConnectionId.Should().Be("nope");
        Emulator.RequestLog.Entries[0].Path.Should().Be("/calling/callConnections?api-version=2026-03-12");
    }
}
