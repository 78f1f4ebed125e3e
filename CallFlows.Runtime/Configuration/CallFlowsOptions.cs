namespace CallFlows.Runtime.Configuration;

/// <summary>The settings of the CallFlows app (configuration section <c>CallFlows</c>).</summary>
public sealed class CallFlowsOptions
{
    /// <summary>The configuration section the options bind to.</summary>
    public const string SectionName = "CallFlows";

    /// <summary>
    /// The public base URL of this app (e.g. <c>https://myapp.azurewebsites.net</c>); ACS posts callbacks to
    /// <c>{CallbackBaseUrl}/api/callbacks/{instanceId}</c>. Required; HTTPS for the real service.
    /// </summary>
    public Uri? CallbackBaseUrl { get; set; }

    /// <summary>How the app reaches Azure Communication Services.</summary>
    public AcsOptions Acs { get; set; } = new();

    /// <summary>How callbacks are authenticated.</summary>
    public CallbackAuthOptions CallbackAuth { get; set; } = new();

    /// <summary>How each callback URL is bound to its call (an HMAC of the instance id in the URL).</summary>
    public CallbackSigningOptions CallbackSigning { get; set; } = new();

    /// <summary>
    /// Whether a timer sweeps for calls left connected by terminated or failed instances (and ends them); see
    /// <see cref="StrandedCallSweepOptions"/>.
    /// </summary>
    public StrandedCallSweepOptions StrandedCallSweep { get; set; } = new();

    /// <summary>
    /// How long the callback endpoint trusts its last read of an instance as running (2 s by default; zero reads the
    /// instance for every callback). A callback is raised into its instance after one read of the instance's status
    /// (a storage query); the callbacks that follow within this time (ACS sends them in bursts: <c>CallConnected</c> and
    /// the roster, an invitation's result and the roster) reuse it. The price is a window: a callback arriving within
    /// this time after the last read of an instance that was terminated or purged in between is raised into it (and
    /// dropped by the engine) instead of ending its call; the first callback after the window, or the stranded-call
    /// sweep, ends that call. <c>CallDisconnected</c> is always checked against a fresh read.
    /// </summary>
    public TimeSpan RunningInstanceCacheDuration { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Where a call goes when its flow throws while the call is connected (a raw id, e.g. <c>4:+14255550199</c>);
    /// null (the default) hangs the call up for everyone. Either way an error log names the instance, call, flow and cause.
    /// </summary>
    public string? FailedFlowTarget { get; set; }

    /// <summary>Which flow handles which called number.</summary>
    public RoutingOptions Routing { get; set; } = new();

    /// <summary>Builds the callback URI of one orchestration instance.</summary>
    /// <param name="instanceId">The orchestration instance id.</param>
    /// <returns><c>{CallbackBaseUrl}/api/callbacks/{instanceId}?sig={proof}</c>: the proof binds the URL to this instance.</returns>
    /// <exception cref="InvalidOperationException"><see cref="CallbackBaseUrl"/> is not set, or no signing key is configured.</exception>
    public Uri GetCallbackUri(string instanceId) => GetCallbackUri(instanceId, null);

    /// <summary>
    /// The callback URI of an instance whose call is traced: as <see cref="GetCallbackUri(string)"/>, plus the call's
    /// root span id, so the callback requests' spans join the call's span tree.
    /// </summary>
    /// <param name="instanceId">The orchestration instance id.</param>
    /// <param name="rootSpanId">The call's root span id (16 hex digits), or null.</param>
    /// <returns>The callback URI.</returns>
    /// <exception cref="InvalidOperationException"><see cref="CallbackBaseUrl"/> is not set, or no signing key is configured.</exception>
    public Uri GetCallbackUri(string instanceId, string? rootSpanId)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        var baseUrl = CallbackBaseUrl ?? throw new InvalidOperationException("CallFlows:CallbackBaseUrl is not configured.");
        var trace = Telemetry.CallTraceContext.IsSpanId(rootSpanId) ? "&" + Telemetry.CallTraceContext.CallbackQueryParameter + "=" + rootSpanId : "";
        return new Uri(baseUrl.AbsoluteUri.TrimEnd('/') + "/api/callbacks/" + Uri.EscapeDataString(instanceId)
            + "?" + CallbackUrlSignature.QueryParameter + "=" + CallbackUrlSignature.Sign(this, instanceId) + trace);
    }
}
