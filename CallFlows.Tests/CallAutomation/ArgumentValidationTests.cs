using System.Text.Json;
using CallFlows.CallAutomation;

namespace CallFlows.Tests.CallAutomation;

/// <summary>Bad arguments fail fast with the parameter named, before any request is sent.</summary>
public class ArgumentValidationTests
{
    private static readonly Uri Callback = new("https://app.example/cb");
    private static readonly CommunicationUserIdentifier User = new("8:acs:x");

    [Theory]
    [InlineData("", "connectionString")]
    [InlineData("endpoint=https://x.communication.azure.com/", "connectionString")]
    [InlineData("endpoint=not a uri;accesskey=aGVsbG8=", "connectionString")]
    [InlineData("endpoint=https://x.communication.azure.com/;accesskey=***not-base64***", "connectionString")]
    [InlineData("endpoint=ftp://x/;accesskey=aGVsbG8=", "connectionString")]
    public void Constructor_BadConnectionString_ThrowsArgumentExceptionNamingIt(string connectionString, string parameter)
    {
        var act = () => new CallAutomationClient(connectionString);

        act.Should().Throw<ArgumentException>().WithParameterName(parameter);
    }

    [Fact]
    public void Constructor_ConnectionStringAnyCase_ParsesEndpoint()
    {
        var client = new CallAutomationClient("ENDPOINT=https://contoso.communication.azure.com/;AccessKey=aGVsbG8=");

        client.Endpoint.Should().Be(new Uri("https://contoso.communication.azure.com/"));
    }

    [Fact]
    public async Task Client_EndpointWithoutTrailingSlash_BuildsSamePaths()
    {
        await using var server = new LoopbackServer(ScriptedReplies.Success);
        var endpoint = server.Endpoint.AbsoluteUri.TrimEnd('/');
        var client = new CallAutomationClient($"endpoint={endpoint};accesskey={HmacVerifier.AccessKey}");

        await client.GetCallConnection("conn-1").HangUpAsync(false);

        server.Requests.Single().RawUrl.Should().Be("/calling/callConnections/conn-1?api-version=2026-03-12");
        HmacVerifier.AssertSigned(server.Requests.Single());
    }

    [Fact]
    public void Constructor_NullArguments_ThrowArgumentNullExceptionNamingThem()
    {
        FluentActions.Invoking(() => new CallAutomationClient("endpoint=https://x/;accesskey=aGVsbG8=", null!)).Should().Throw<ArgumentNullException>().WithParameterName("options");
        FluentActions.Invoking(() => new CallAutomationClient(null!, new FakeCredential())).Should().Throw<ArgumentNullException>().WithParameterName("endpoint");
        FluentActions.Invoking(() => new CallAutomationClient(new Uri("https://x"), null!)).Should().Throw<ArgumentNullException>().WithParameterName("credential");
        FluentActions.Invoking(() => new CallAutomationClient(new Uri("/relative", UriKind.Relative), new FakeCredential())).Should().Throw<ArgumentException>().WithParameterName("endpoint");
    }

    [Fact]
    public async Task ClientMethods_InvalidArguments_ThrowBeforeSending()
    {
        await using var harness = new ClientHarness();
        var client = harness.Client;
        var connection = client.GetCallConnection("conn-1");

        await FluentActions.Awaiting(() => client.CreateCallAsync(null!, Callback)).Should().ThrowAsync<ArgumentNullException>().WithParameterName("callInvite");
        await FluentActions.Awaiting(() => client.CreateCallAsync(new CallInvite(User), null!)).Should().ThrowAsync<ArgumentNullException>().WithParameterName("callbackUri");
        await FluentActions.Awaiting(() => client.CreateCallAsync((CreateCallOptions)null!)).Should().ThrowAsync<ArgumentNullException>().WithParameterName("options");
        await FluentActions.Awaiting(() => client.AnswerCallAsync("", Callback)).Should().ThrowAsync<ArgumentException>().WithParameterName("incomingCallContext");
        await FluentActions.Awaiting(() => client.RejectCallAsync(null!, CallRejectReason.Busy)).Should().ThrowAsync<ArgumentNullException>().WithParameterName("incomingCallContext");
        await FluentActions.Awaiting(() => client.RedirectCallAsync("ctx", null!)).Should().ThrowAsync<ArgumentNullException>().WithParameterName("callInvite");
        await FluentActions.Awaiting(() => client.ConnectCallAsync(null!, Callback)).Should().ThrowAsync<ArgumentNullException>().WithParameterName("callLocator");
        FluentActions.Invoking(() => client.GetCallConnection("")).Should().Throw<ArgumentException>().WithParameterName("callConnectionId");
        await FluentActions.Awaiting(() => connection.TransferCallToParticipantAsync((CommunicationIdentifier)null!)).Should().ThrowAsync<ArgumentNullException>().WithParameterName("targetParticipant");
        await FluentActions.Awaiting(() => connection.AddParticipantAsync((CallInvite)null!)).Should().ThrowAsync<ArgumentNullException>().WithParameterName("participantToAdd");
        await FluentActions.Awaiting(() => connection.CancelAddParticipantOperationAsync("")).Should().ThrowAsync<ArgumentException>().WithParameterName("invitationId");
        await FluentActions.Awaiting(() => connection.RemoveParticipantAsync((CommunicationIdentifier)null!)).Should().ThrowAsync<ArgumentNullException>().WithParameterName("participantToRemove");
        await FluentActions.Awaiting(() => connection.MuteParticipantAsync((CommunicationIdentifier)null!)).Should().ThrowAsync<ArgumentNullException>().WithParameterName("targetParticipant");
        await FluentActions.Awaiting(() => connection.GetParticipantAsync(null!)).Should().ThrowAsync<ArgumentNullException>().WithParameterName("participantIdentifier");
        await FluentActions.Awaiting(() => connection.HangUpAsync(null!)).Should().ThrowAsync<ArgumentNullException>().WithParameterName("options");

        harness.Requests.Should().BeEmpty();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(181)]
    [InlineData(-5)]
    public void AddParticipantOptions_InvitationTimeoutOutOfRange_Throws(int seconds)
    {
        var options = new AddParticipantOptions(new CallInvite(User));

        var act = () => options.InvitationTimeoutInSeconds = seconds;

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("InvitationTimeoutInSeconds");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(180)]
    public void AddParticipantOptions_InvitationTimeoutInRange_IsKept(int seconds)
    {
        new AddParticipantOptions(new CallInvite(User)) { InvitationTimeoutInSeconds = seconds }.InvitationTimeoutInSeconds.Should().Be(seconds);
    }

    [Fact]
    public void OptionsConstructors_InvalidArguments_ThrowNamingParameter()
    {
        FluentActions.Invoking(() => new CreateGroupCallOptions([], Callback)).Should().Throw<ArgumentException>().WithParameterName("targets");
        FluentActions.Invoking(() => new CreateGroupCallOptions([User, null!], Callback)).Should().Throw<ArgumentException>().WithParameterName("targets");
        FluentActions.Invoking(() => new MoveParticipantsOptions([User], "")).Should().Throw<ArgumentException>().WithParameterName("fromCall");
        FluentActions.Invoking(() => new ServerCallLocator("")).Should().Throw<ArgumentException>().WithParameterName("id");
        FluentActions.Invoking(() => new CallInvite((PhoneNumberIdentifier)null!, new PhoneNumberIdentifier("+1"))).Should().Throw<ArgumentNullException>().WithParameterName("targetPhoneNumberIdentity");
        FluentActions.Invoking(() => new RepeatabilityHeaders(Guid.Empty, DateTimeOffset.UnixEpoch)).Should().Throw<ArgumentException>().WithParameterName("repeatabilityRequestId");
        FluentActions.Invoking(() => new PhoneNumberIdentifier("")).Should().Throw<ArgumentException>().WithParameterName("phoneNumber");
    }

    [Fact]
    public void RepeatabilityHeaders_SystemTextJson_RoundTrips()
    {
        // Flows create the pair deterministically in the orchestrator and pass it to activities, so retries reuse it.
        var pair = new RepeatabilityHeaders(Guid.NewGuid(), new DateTimeOffset(2026, 11, 24, 1, 2, 3, TimeSpan.Zero));

        foreach (var options in CallbackEventParserTests.AllOptions())
        {
            var back = JsonSerializer.Deserialize<RepeatabilityHeaders>(JsonSerializer.Serialize(pair, options), options)!;
            back.RepeatabilityRequestId.Should().Be(pair.RepeatabilityRequestId);
            back.RepeatabilityFirstSent.Should().Be(pair.RepeatabilityFirstSent);
        }
    }

    [Fact]
    public void ClientOptions_Defaults_AreLatestVersionAndSystemClock()
    {
        var options = new CallAutomationClientOptions();

        options.Version.Should().Be(CallAutomationClientOptions.ServiceVersion.V2026_03_12);
        options.TimeProvider.Should().BeSameAs(TimeProvider.System);
        FluentActions.Invoking(() => new CallAutomationClientOptions((CallAutomationClientOptions.ServiceVersion)99)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("version");
    }

    [Fact]
    public async Task ProtectedConstructors_AllowMocking()
    {
        var client = new MockClient();

        var connection = client.GetCallConnection("mocked");
        var response = await connection.HangUpAsync(true);

        connection.CallConnectionId.Should().Be("mocked");
        response.Status.Should().Be(204);
    }

    private sealed class FakeCredential : Azure.Core.TokenCredential
    {
        public override Azure.Core.AccessToken GetToken(Azure.Core.TokenRequestContext requestContext, CancellationToken cancellationToken) => new("t", DateTimeOffset.MaxValue);

        public override ValueTask<Azure.Core.AccessToken> GetTokenAsync(Azure.Core.TokenRequestContext requestContext, CancellationToken cancellationToken) => new(GetToken(requestContext, cancellationToken));
    }

    private sealed class MockClient : CallAutomationClient
    {
        public override CallConnection GetCallConnection(string callConnectionId) => new MockConnection(callConnectionId);
    }

    private sealed class MockConnection(string id) : CallConnection
    {
        public override string CallConnectionId => id;

        public override Task<Azure.Response> HangUpAsync(bool forEveryone, CancellationToken cancellationToken = default) => Task.FromResult<Azure.Response>(new NoContentResponse());
    }

    private sealed class NoContentResponse : Azure.Response
    {
        public override int Status => 204;

        public override string ReasonPhrase => "No Content";

        public override Stream? ContentStream { get; set; }

        public override string ClientRequestId { get; set; } = string.Empty;

        public override void Dispose()
        {
        }

        protected override bool ContainsHeader(string name) => false;

        protected override IEnumerable<Azure.Core.HttpHeader> EnumerateHeaders() => [];

        protected override bool TryGetHeader(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value)
        {
            value = null;
            return false;
        }

        protected override bool TryGetHeaderValues(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out IEnumerable<string>? values)
        {
            values = null;
            return false;
        }
    }
}
