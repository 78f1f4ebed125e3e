namespace CallFlows.Functions.Configuration;

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

    /// <summary>Which flow handles which called number.</summary>
    public RoutingOptions Routing { get; set; } = new();

    /// <summary>Builds the callback URI of one orchestration instance.</summary>
    /// <param name="instanceId">The orchestration instance id.</param>
    /// <returns><c>{CallbackBaseUrl}/api/callbacks/{instanceId}</c>.</returns>
    /// <exception cref="InvalidOperationException"><see cref="CallbackBaseUrl"/> is not set.</exception>
    public Uri GetCallbackUri(string instanceId)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        var baseUrl = CallbackBaseUrl ?? throw new InvalidOperationException("CallFlows:CallbackBaseUrl is not configured.");
        return new Uri(baseUrl.AbsoluteUri.TrimEnd('/') + "/api/callbacks/" + Uri.EscapeDataString(instanceId));
    }
}
