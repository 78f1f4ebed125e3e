namespace CallFlows.Runtime.Security;

/// <summary>
/// Microsoft Entra authentication of Event Grid deliveries to the incoming-call webhook (configuration section
/// <c>CallFlows:EventGridAuth</c>). When enabled, every POST must carry the bearer token Event Grid gets for the
/// webhook's Entra app, in addition to the function key.
/// </summary>
public sealed class EventGridAuthOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "CallFlows:EventGridAuth";

    /// <summary>The app role Event Grid's service principal is assigned in the webhook's Entra app.</summary>
    public const string EventGridSubscriberRole = "AzureEventGridSecureWebhookSubscriber";

    /// <summary>Whether the token is required and validated; false by default (the function key alone protects the webhook).</summary>
    public bool Enabled { get; set; }

    /// <summary>The Microsoft Entra tenant of the webhook's app; required when <see cref="Enabled"/>. Null by default.</summary>
    public string? TenantId { get; set; }

    /// <summary>
    /// The expected audience: the webhook app's Application ID URI or client id, as set on the Event Grid subscription
    /// (<c>azureActiveDirectoryApplicationIdOrUri</c>); required when <see cref="Enabled"/>. Null by default.
    /// </summary>
    public string? Audience { get; set; }

    /// <summary>
    /// The app role the token must carry in its <c>roles</c> claim; <see cref="EventGridSubscriberRole"/> by default.
    /// Empty skips the check.
    /// </summary>
    public string? RequiredRole { get; set; } = EventGridSubscriberRole;

    /// <summary>
    /// Where signing keys are discovered; null (the default) uses
    /// <c>https://login.microsoftonline.com/{TenantId}/v2.0/.well-known/openid-configuration</c>.
    /// </summary>
    public Uri? OpenIdConfigurationUrl { get; set; }

    /// <summary>The tolerated clock difference when checking token lifetime; 5 minutes by default (Entra's usual skew).</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The issuers accepted for <see cref="TenantId"/>: Entra v1 (<c>sts.windows.net</c>) and v2 tokens.</summary>
    /// <returns>The issuers.</returns>
    public IReadOnlyList<string> ValidIssuers() =>
        [$"https://sts.windows.net/{TenantId}/", $"https://login.microsoftonline.com/{TenantId}/v2.0"];

    /// <summary>The OpenID configuration URL in effect.</summary>
    /// <returns><see cref="OpenIdConfigurationUrl"/> or the tenant's v2 metadata.</returns>
    public Uri EffectiveOpenIdConfigurationUrl() =>
        OpenIdConfigurationUrl ?? new Uri($"https://login.microsoftonline.com/{TenantId}/v2.0/.well-known/openid-configuration");
}
