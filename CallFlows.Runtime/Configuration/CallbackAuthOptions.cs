namespace CallFlows.Runtime.Configuration;

/// <summary>How ACS callbacks are authenticated (configuration section <c>CallFlows:CallbackAuth</c>).</summary>
public sealed class CallbackAuthOptions
{
    /// <summary>The issuer of ACS callback tokens.</summary>
    public const string AcsIssuer = "https://acscallautomation.communication.azure.com";

    /// <summary>The public OpenID configuration of ACS Call Automation.</summary>
    public const string AcsOpenIdConfigurationUrl = "https://acscallautomation.communication.azure.com/calling/.well-known/acsopenidconfiguration";

    /// <summary>Whether the signed JWT of each callback is validated; true by default. Turn off only for local experiments.</summary>
    public bool ValidateTokens { get; set; } = true;

    /// <summary>Where signing keys are discovered; <see cref="AcsOpenIdConfigurationUrl"/> by default (point it at the emulator locally).</summary>
    public Uri OpenIdConfigurationUrl { get; set; } = new(AcsOpenIdConfigurationUrl);

    /// <summary>The expected token issuer; <see cref="AcsIssuer"/> by default.</summary>
    public string Issuer { get; set; } = AcsIssuer;

    /// <summary>The expected audience; null (the default) uses <see cref="AcsOptions.ResourceId"/>.</summary>
    public string? Audience { get; set; }

    /// <summary>The tolerated clock difference when checking token lifetime; 1 minute by default (tokens live 5 minutes).</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromMinutes(1);
}
