using System.Collections.Concurrent;
using Azure;
using Azure.Core;
using CallFlows.CallAutomation;

namespace CallFlows.Tests.CallAutomation;

/// <summary>Errors, retries and authentication modes, against a real loopback server.</summary>
public class ErrorHandlingTests
{
    [Theory]
    [InlineData(400, "BadRequest")]
    [InlineData(404, "CallNotFound")]
    [InlineData(429, "TooManyRequests")]
    public async Task GetCallConnectionPropertiesAsync_ErrorResponse_ThrowsRequestFailedWithStatusAndCode(int status, string code)
    {
        // Retries off: 429 is retried by the default policy, and this test is about the error surface.
        await using var harness = new ClientHarness(_ => new LoopbackReply(status, $$$"""{"error":{"code":"{{{code}}}","message":"went wrong: {{{code}}}"}}"""), maxRetries: 0);

        var act = () => harness.Client.GetCallConnection("conn-1").GetCallConnectionPropertiesAsync();

        var exception = (await act.Should().ThrowAsync<RequestFailedException>()).Which;
        exception.Status.Should().Be(status);
        exception.ErrorCode.Should().Be(code);
        exception.Message.Should().Contain($"went wrong: {code}");
    }

    [Fact]
    public async Task AddParticipantAsync_ErrorResponse_ThrowsRequestFailedWithCode()
    {
        await using var harness = new ClientHarness(_ => new LoopbackReply(400, """{"error":{"code":"InvalidTarget","message":"bad target","target":"participantToAdd"}}"""), maxRetries: 0);

        var act = () => harness.Client.GetCallConnection("conn-1").AddParticipantAsync(new CallInvite(new CommunicationUserIdentifier("8:acs:x")));

        (await act.Should().ThrowAsync<RequestFailedException>()).Which.ErrorCode.Should().Be("InvalidTarget");
    }

    [Fact]
    public async Task CreateCallAsync_ServiceUnavailableThenCreated_RetriesWithSameRepeatabilityPair()
    {
        var attempts = 0;
        await using var harness = new ClientHarness(request =>
            Interlocked.Increment(ref attempts) <= 2
                ? new LoopbackReply(503, """{"error":{"code":"ServiceUnavailable","message":"try again"}}""")
                : ScriptedReplies.Success(request));

        var result = await harness.Client.CreateCallAsync(new CallInvite(new CommunicationUserIdentifier("8:acs:x")), new Uri("https://app.example/cb"));

        result.GetRawResponse().Status.Should().Be(201);
        var requests = harness.Requests;
        requests.Should().HaveCount(3);
        requests.Select(r => r.Headers["Repeatability-Request-ID"]).Distinct().Should().ContainSingle().Which.Should().NotBeNullOrEmpty();
        requests.Select(r => r.Headers["Repeatability-First-Sent"]).Distinct().Should().ContainSingle();
        requests.Select(r => r.Headers["x-ms-client-request-id"]).Distinct().Should().ContainSingle("Azure.Core keeps the client request id across retries");
        requests.Select(r => r.BodyText).Distinct().Should().ContainSingle();
        requests.Should().AllSatisfy(HmacVerifier.AssertSigned);
    }

    [Fact]
    public async Task HangUpAsync_ForEveryoneTwice_UsesAFreshPairPerOperationCall()
    {
        await using var harness = new ClientHarness();
        var connection = harness.Client.GetCallConnection("conn-1");

        await connection.HangUpAsync(true);
        harness.Time.Advance(TimeSpan.FromMinutes(1));
        await connection.HangUpAsync(true);

        var requests = harness.Requests;
        requests.Select(r => r.Headers["Repeatability-Request-ID"]).Distinct().Should().HaveCount(2);
        requests.Select(r => r.Headers["Repeatability-First-Sent"]).Should().Equal("Tue, 24 Nov 2026 00:52:34 GMT", "Tue, 24 Nov 2026 00:53:34 GMT");
    }

    [Fact]
    public async Task CreateCallAsync_PersistentServiceUnavailable_ThrowsAfterRetries()
    {
        await using var harness = new ClientHarness(_ => new LoopbackReply(503, """{"error":{"code":"ServiceUnavailable","message":"down"}}"""), maxRetries: 2);

        var act = () => harness.Client.CreateCallAsync(new CallInvite(new CommunicationUserIdentifier("8:acs:x")), new Uri("https://app.example/cb"));

        (await act.Should().ThrowAsync<RequestFailedException>()).Which.Status.Should().Be(503);
        harness.Requests.Should().HaveCount(3);
    }

    [Fact]
    public async Task Constructor_TokenCredential_SendsBearerForCommunicationScope()
    {
        var transport = new CapturingTransport();
        var credential = new RecordingCredential();
        var client = new CallAutomationClient(new Uri("https://contoso.communication.azure.com"), credential, new CallAutomationClientOptions { Transport = transport });

        await client.GetCallConnection("conn-1").HangUpAsync(true);

        var request = transport.Requests.Single();
        request.Headers.TryGetValue("Authorization", out var authorization).Should().BeTrue();
        authorization.Should().Be("Bearer token-for-test");
        request.Headers.TryGetValue("x-ms-date", out _).Should().BeFalse("HMAC headers are only for access keys");
        request.Headers.TryGetValue("Repeatability-Request-ID", out _).Should().BeTrue();
        request.Uri.ToUri().AbsoluteUri.Should().Be("https://contoso.communication.azure.com/calling/callConnections/conn-1:terminate?api-version=2026-03-12");
        credential.Scopes.Should().ContainSingle().Which.Should().Equal("https://communication.azure.com//.default");
    }

    [Fact]
    public async Task Constructor_TokenCredentialOverHttpEndpoint_RefusesToSendTheToken()
    {
        // Azure.Core never sends bearer tokens over plain HTTP; use a connection string with an http emulator.
        await using var server = new LoopbackServer(ScriptedReplies.Success);
        var client = new CallAutomationClient(server.Endpoint, new RecordingCredential());

        var act = () => client.GetCallConnection("conn-1").GetCallConnectionPropertiesAsync();

        await act.Should().ThrowAsync<InvalidOperationException>();
        server.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task HmacPolicy_PortlessHost_SignsAuthorityWithoutPort()
    {
        var transport = new CapturingTransport();
        var options = new CallAutomationClientOptions { Transport = transport };
        var client = new CallAutomationClient($"endpoint=https://contoso.communication.azure.com/;accesskey={HmacVerifier.AccessKey}", options);

        await client.GetCallConnection("conn 1").HangUpAsync(false);

        var request = transport.Requests.Single();
        request.Uri.ToUri().Authority.Should().Be("contoso.communication.azure.com");
        var pathAndQuery = request.Uri.ToUri().PathAndQuery;
        pathAndQuery.Should().Be("/calling/callConnections/conn%201?api-version=2026-03-12");
        request.Headers.TryGetValue("x-ms-date", out var date).Should().BeTrue();
        request.Headers.TryGetValue("x-ms-content-sha256", out var hash).Should().BeTrue();
        hash.Should().Be("47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=");
        request.Headers.TryGetValue("Authorization", out var authorization).Should().BeTrue();
        var expected = HmacVerifier.ExpectedSignature("DELETE", pathAndQuery, date!, "contoso.communication.azure.com", hash!);
        authorization.Should().Be($"HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature={expected}");
    }

    private sealed class RecordingCredential : TokenCredential
    {
        public ConcurrentQueue<string[]> ScopeLog { get; } = new();

        public IReadOnlyList<string[]> Scopes => ScopeLog.ToList();

        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
        {
            ScopeLog.Enqueue(requestContext.Scopes);
            return new AccessToken("token-for-test", DateTimeOffset.UtcNow.AddHours(1));
        }

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            new(GetToken(requestContext, cancellationToken));
    }

    /// <summary>An in-memory transport (the HTTP edge) answering 204, for hosts that cannot be bound locally.</summary>
    private sealed class CapturingTransport : Azure.Core.Pipeline.HttpPipelineTransport
    {
        private readonly Azure.Core.Pipeline.HttpClientTransport _inner = new(new HttpClient(new StubHandler()));

        public List<Request> Requests { get; } = [];

        public override Request CreateRequest() => _inner.CreateRequest();

        public override void Process(HttpMessage message)
        {
            Requests.Add(message.Request);
            _inner.Process(message);
        }

        public override async ValueTask ProcessAsync(HttpMessage message)
        {
            Requests.Add(message.Request);
            await _inner.ProcessAsync(message);
        }

        private sealed class StubHandler : HttpMessageHandler
        {
            protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
                Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.NoContent) { RequestMessage = request });
        }
    }
}
