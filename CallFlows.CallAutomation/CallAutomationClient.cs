using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using CallFlows.CallAutomation.Pipeline;
using CallFlows.CallAutomation.Serialization;

namespace CallFlows.CallAutomation;

/// <summary>
/// The Azure Communication Services Call Automation client (call control, api-version 2026-03-12): create, answer,
/// reject, redirect and connect calls, and get a <see cref="CallConnection"/> for mid-call actions.
/// Shaped like <c>Azure.Communication.CallAutomation.CallAutomationClient</c>.
/// </summary>
public class CallAutomationClient
{
    private readonly CallAutomationRestClient _rest = null!;

    /// <summary>Creates a client authenticated with the access key of a connection string.</summary>
    /// <param name="connectionString"><c>endpoint=https://&lt;resource&gt;.communication.azure.com/;accesskey=&lt;base64 key&gt;</c>.</param>
    /// <exception cref="ArgumentException">The connection string is malformed.</exception>
    public CallAutomationClient(string connectionString)
        : this(connectionString, new CallAutomationClientOptions())
    {
    }

    /// <summary>Creates a client authenticated with the access key of a connection string.</summary>
    /// <param name="connectionString"><c>endpoint=https://&lt;resource&gt;.communication.azure.com/;accesskey=&lt;base64 key&gt;</c>.</param>
    /// <param name="options">Client options.</param>
    /// <exception cref="ArgumentException">The connection string is malformed.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    public CallAutomationClient(string connectionString, CallAutomationClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var (endpoint, key) = ConnectionString.Parse(connectionString, nameof(connectionString));
        _rest = CreateRestClient(endpoint, new HmacAuthenticationPolicy(key, options.TimeProvider), options);
    }

    /// <summary>Creates a client authenticated with Microsoft Entra ID (scope <c>https://communication.azure.com//.default</c>).</summary>
    /// <param name="endpoint">The resource endpoint, e.g. <c>https://&lt;resource&gt;.communication.azure.com</c>.</param>
    /// <param name="credential">The token credential.</param>
    /// <param name="options">Client options; defaults when null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="endpoint"/> or <paramref name="credential"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="endpoint"/> is not absolute.</exception>
    public CallAutomationClient(Uri endpoint, TokenCredential credential, CallAutomationClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(credential);
        if (!endpoint.IsAbsoluteUri)
        {
            throw new ArgumentException("The endpoint must be an absolute URI.", nameof(endpoint));
        }

        options ??= new CallAutomationClientOptions();
        _rest = CreateRestClient(endpoint, new BearerTokenAuthenticationPolicy(credential, "https://communication.azure.com//.default"), options);
    }

    /// <summary>Initializes a client for mocking.</summary>
    protected CallAutomationClient()
    {
    }

    /// <summary>The resource endpoint.</summary>
    public virtual Uri Endpoint => _rest.Endpoint;

    /// <summary>Calls one participant (POST <c>/calling/callConnections</c>, 201).</summary>
    /// <param name="callInvite">Whom to call.</param>
    /// <param name="callbackUri">Where the call's events are posted.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The new call connection and its properties.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="RequestFailedException">The service returned an error.</exception>
    public virtual Task<Response<CreateCallResult>> CreateCallAsync(CallInvite callInvite, Uri callbackUri, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(callInvite);
        ArgumentNullException.ThrowIfNull(callbackUri);
        return CreateCallAsync(new CreateCallOptions(callInvite, callbackUri), cancellationToken);
    }

    /// <summary>Calls one participant (POST <c>/calling/callConnections</c>, 201).</summary>
    /// <param name="options">The call to create.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The new call connection and its properties.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="RequestFailedException">The service returned an error.</exception>
    public virtual async Task<Response<CreateCallResult>> CreateCallAsync(CreateCallOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var invite = options.CallInvite;
        var body = RequestBodies.CreateCall([invite.Target], options.CallbackUri, invite.SourceCallerIdNumber, invite.SourceDisplayName, options.OperationContext,
            options.CallIntelligenceOptions, options.MediaStreamingOptions, options.TranscriptionOptions);
        var response = await _rest.SendAsync(RequestMethod.Post, "/calling/callConnections", body, true, options.RepeatabilityHeaders, cancellationToken).ConfigureAwait(false);
        var properties = ResponseModels.ReadCallConnectionProperties(CallAutomationRestClient.ParseBody(response));
        return Response.FromValue(new CreateCallResult(ConnectionFor(properties, response), properties), response);
    }

    /// <summary>Calls several participants in one call (POST <c>/calling/callConnections</c> with several targets, 201).</summary>
    /// <param name="options">The call to create.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The new call connection and its properties.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="RequestFailedException">The service returned an error.</exception>
    public virtual async Task<Response<CreateCallResult>> CreateGroupCallAsync(CreateGroupCallOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var body = RequestBodies.CreateCall(options.Targets, options.CallbackUri, options.SourceCallerIdNumber, options.SourceDisplayName, options.OperationContext,
            options.CallIntelligenceOptions, options.MediaStreamingOptions, options.TranscriptionOptions);
        var response = await _rest.SendAsync(RequestMethod.Post, "/calling/callConnections", body, true, options.RepeatabilityHeaders, cancellationToken).ConfigureAwait(false);
        var properties = ResponseModels.ReadCallConnectionProperties(CallAutomationRestClient.ParseBody(response));
        return Response.FromValue(new CreateCallResult(ConnectionFor(properties, response), properties), response);
    }

    /// <summary>Answers an incoming call (POST <c>/calling/callConnections:answer</c>, 200).</summary>
    /// <param name="incomingCallContext">The opaque context from the IncomingCall event.</param>
    /// <param name="callbackUri">Where the call's events are posted.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The call connection and its properties.</returns>
    /// <exception cref="ArgumentException"><paramref name="incomingCallContext"/> is null or empty.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="callbackUri"/> is null.</exception>
    /// <exception cref="RequestFailedException">The service returned an error.</exception>
    public virtual Task<Response<AnswerCallResult>> AnswerCallAsync(string incomingCallContext, Uri callbackUri, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(incomingCallContext);
        ArgumentNullException.ThrowIfNull(callbackUri);
        return AnswerCallAsync(new AnswerCallOptions(incomingCallContext, callbackUri), cancellationToken);
    }

    /// <summary>Answers an incoming call (POST <c>/calling/callConnections:answer</c>, 200).</summary>
    /// <param name="options">The call to answer.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The call connection and its properties.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="RequestFailedException">The service returned an error.</exception>
    public virtual async Task<Response<AnswerCallResult>> AnswerCallAsync(AnswerCallOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var response = await _rest.SendAsync(RequestMethod.Post, "/calling/callConnections:answer", RequestBodies.AnswerCall(options), true, options.RepeatabilityHeaders, cancellationToken).ConfigureAwait(false);
        var properties = ResponseModels.ReadCallConnectionProperties(CallAutomationRestClient.ParseBody(response));
        return Response.FromValue(new AnswerCallResult(ConnectionFor(properties, response), properties), response);
    }

    /// <summary>Rejects an incoming call (POST <c>/calling/callConnections:reject</c>, 204). No callback events follow.</summary>
    /// <param name="incomingCallContext">The opaque context from the IncomingCall event.</param>
    /// <param name="callRejectReason">Why the call is rejected.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The raw response.</returns>
    /// <exception cref="ArgumentException"><paramref name="incomingCallContext"/> is null or empty.</exception>
    /// <exception cref="RequestFailedException">The service returned an error.</exception>
    public virtual Task<Response> RejectCallAsync(string incomingCallContext, CallRejectReason callRejectReason = CallRejectReason.None, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(incomingCallContext);
        return RejectCallAsync(new RejectCallOptions(incomingCallContext) { CallRejectReason = callRejectReason }, cancellationToken);
    }

    /// <summary>Rejects an incoming call (POST <c>/calling/callConnections:reject</c>, 204). No callback events follow.</summary>
    /// <param name="options">The call to reject.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The raw response.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="RequestFailedException">The service returned an error.</exception>
    public virtual Task<Response> RejectCallAsync(RejectCallOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        return _rest.SendAsync(RequestMethod.Post, "/calling/callConnections:reject", RequestBodies.RejectCall(options), true, options.RepeatabilityHeaders, cancellationToken);
    }

    /// <summary>Redirects an incoming call to another target (POST <c>/calling/callConnections:redirect</c>, 204).</summary>
    /// <param name="incomingCallContext">The opaque context from the IncomingCall event.</param>
    /// <param name="callInvite">Where to redirect the call.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The raw response.</returns>
    /// <exception cref="ArgumentException"><paramref name="incomingCallContext"/> is null or empty.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="callInvite"/> is null.</exception>
    /// <exception cref="RequestFailedException">The service returned an error.</exception>
    public virtual Task<Response> RedirectCallAsync(string incomingCallContext, CallInvite callInvite, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(incomingCallContext);
        ArgumentNullException.ThrowIfNull(callInvite);
        return RedirectCallAsync(new RedirectCallOptions(incomingCallContext, callInvite), cancellationToken);
    }

    /// <summary>Redirects an incoming call to another target (POST <c>/calling/callConnections:redirect</c>, 204).</summary>
    /// <param name="options">The redirect.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The raw response.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="RequestFailedException">The service returned an error.</exception>
    public virtual Task<Response> RedirectCallAsync(RedirectCallOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        return _rest.SendAsync(RequestMethod.Post, "/calling/callConnections:redirect", RequestBodies.RedirectCall(options), true, options.RepeatabilityHeaders, cancellationToken);
    }

    /// <summary>Joins an existing call (POST <c>/calling/callConnections:connect</c>, 200).</summary>
    /// <param name="callLocator">The call to join.</param>
    /// <param name="callbackUri">Where the call's events are posted.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The call connection and its properties.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="RequestFailedException">The service returned an error.</exception>
    public virtual Task<Response<ConnectCallResult>> ConnectCallAsync(CallLocator callLocator, Uri callbackUri, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(callLocator);
        ArgumentNullException.ThrowIfNull(callbackUri);
        return ConnectCallAsync(new ConnectCallOptions(callLocator, callbackUri), cancellationToken);
    }

    /// <summary>Joins an existing call (POST <c>/calling/callConnections:connect</c>, 200).</summary>
    /// <param name="options">The call to join.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The call connection and its properties.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="RequestFailedException">The service returned an error.</exception>
    public virtual async Task<Response<ConnectCallResult>> ConnectCallAsync(ConnectCallOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var response = await _rest.SendAsync(RequestMethod.Post, "/calling/callConnections:connect", RequestBodies.ConnectCall(options), true, options.RepeatabilityHeaders, cancellationToken).ConfigureAwait(false);
        var properties = ResponseModels.ReadCallConnectionProperties(CallAutomationRestClient.ParseBody(response));
        return Response.FromValue(new ConnectCallResult(ConnectionFor(properties, response), properties), response);
    }

    /// <summary>Gets the client for mid-call actions on a call connection (no request is sent).</summary>
    /// <param name="callConnectionId">The call connection id.</param>
    /// <returns>The call connection client.</returns>
    /// <exception cref="ArgumentException"><paramref name="callConnectionId"/> is null or empty.</exception>
    public virtual CallConnection GetCallConnection(string callConnectionId)
    {
        ArgumentException.ThrowIfNullOrEmpty(callConnectionId);
        return new CallConnection(callConnectionId, _rest);
    }

    /// <summary>Gets the recording client (no request is sent).</summary>
    /// <returns>The recording client.</returns>
    public virtual CallRecording GetCallRecording() => new(_rest);

    private static CallAutomationRestClient CreateRestClient(Uri endpoint, HttpPipelinePolicy authentication, CallAutomationClientOptions options)
    {
        // Authentication runs per retry: each attempt is signed with its own date.
        // Tracing runs per retry too, outside authentication: one client span per attempt.
        var pipeline = HttpPipelineBuilder.Build(options, [], [new Telemetry.CallAutomationTracingPolicy(), authentication], new ResponseClassifier());
        return new CallAutomationRestClient(pipeline, endpoint, options.ApiVersion, options.TimeProvider);
    }

    private CallConnection ConnectionFor(CallConnectionProperties properties, Response response) =>
        string.IsNullOrEmpty(properties.CallConnectionId)
            ? throw new RequestFailedException(response.Status, "The service response has no callConnectionId.")
            : GetCallConnection(properties.CallConnectionId);
}
