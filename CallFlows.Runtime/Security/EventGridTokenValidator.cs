using System.Security.Claims;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace CallFlows.Runtime.Security;

/// <summary>
/// Validates the Microsoft Entra bearer token Event Grid sends with each delivery to a webhook whose subscription has
/// <c>azureActiveDirectoryApplicationIdOrUri</c> set: signature with a key of the tenant's OpenID configuration,
/// issuer (the tenant, v1 or v2), audience (the webhook's Entra app), lifetime (against the injected
/// <see cref="TimeProvider"/>) and the <see cref="EventGridAuthOptions.RequiredRole"/> app role. Keys are cached and
/// refreshed by <see cref="ConfigurationManager{T}"/>; an unknown key triggers one refresh (rotation).
/// </summary>
internal sealed class EventGridTokenValidator
{
    private readonly EventGridAuthOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<EventGridTokenValidator> _logger;
    private readonly IConfigurationManager<OpenIdConnectConfiguration>? _configurationManager;
    private readonly JsonWebTokenHandler _handler = new();

    /// <summary>Creates the validator, discovering keys from the tenant's OpenID configuration.</summary>
    /// <param name="options">The settings.</param>
    /// <param name="timeProvider">The clock for lifetime checks.</param>
    /// <param name="logger">The logger.</param>
    public EventGridTokenValidator(IOptions<EventGridAuthOptions> options, TimeProvider timeProvider, ILogger<EventGridTokenValidator> logger)
        : this(options, timeProvider, logger, options?.Value is { Enabled: true } enabled
            ? CallbackTokenValidator.CreateConfigurationManager(enabled.EffectiveOpenIdConfigurationUrl())
            : null)
    {
    }

    /// <summary>Creates the validator with a given source of signing keys.</summary>
    /// <param name="options">The settings.</param>
    /// <param name="timeProvider">The clock for lifetime checks.</param>
    /// <param name="logger">The logger.</param>
    /// <param name="configurationManager">Where the signing keys come from; may be null when validation is disabled.</param>
    public EventGridTokenValidator(IOptions<EventGridAuthOptions> options, TimeProvider timeProvider, ILogger<EventGridTokenValidator> logger,
        IConfigurationManager<OpenIdConnectConfiguration>? configurationManager)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);
        _options = options.Value;
        _timeProvider = timeProvider;
        _logger = logger;
        _configurationManager = configurationManager;
        if (_options.Enabled && (string.IsNullOrWhiteSpace(_options.TenantId) || string.IsNullOrWhiteSpace(_options.Audience)))
        {
            throw new OptionsValidationException(EventGridAuthOptions.SectionName, typeof(EventGridAuthOptions),
                ["CallFlows:EventGridAuth:TenantId and CallFlows:EventGridAuth:Audience are required when CallFlows:EventGridAuth:Enabled is true."]);
        }
    }

    /// <summary>Whether deliveries must carry a token.</summary>
    public bool Enabled => _options.Enabled;

    /// <summary>Validates the <c>Authorization</c> header of a delivery.</summary>
    /// <param name="authorizationHeader">The header value (<c>Bearer &lt;jwt&gt;</c>).</param>
    /// <param name="cancellationToken">Cancels key retrieval.</param>
    /// <returns>The result; valid when validation is disabled.</returns>
    public async Task<EventGridTokenValidationResult> ValidateAsync(string? authorizationHeader, CancellationToken cancellationToken = default)
    {
        if (!_options.Enabled || _configurationManager is null)
        {
            return EventGridTokenValidationResult.Valid;
        }

        const string scheme = "Bearer ";
        if (string.IsNullOrWhiteSpace(authorizationHeader) || !authorizationHeader.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return EventGridTokenValidationResult.Refused("no bearer token");
        }

        string token = authorizationHeader[scheme.Length..].Trim();
        if (!_handler.CanReadToken(token))
        {
            return EventGridTokenValidationResult.Refused("the bearer token is not a JWT");
        }

        (EventGridTokenValidationResult result, bool unknownKey) = await ValidateWithKeysAsync(token, _configurationManager, cancellationToken);
        if (unknownKey)
        {
            // Possibly a rotated key: refresh once (ConfigurationManager rate-limits refreshes).
            _configurationManager.RequestRefresh();
            (result, _) = await ValidateWithKeysAsync(token, _configurationManager, cancellationToken);
        }

        return result;
    }

    private async Task<(EventGridTokenValidationResult Result, bool UnknownKey)> ValidateWithKeysAsync(
        string token, IConfigurationManager<OpenIdConnectConfiguration> configurationManager, CancellationToken cancellationToken)
    {
        OpenIdConnectConfiguration configuration;
        try
        {
            configuration = await configurationManager.GetConfigurationAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is InvalidOperationException or IOException or HttpRequestException or ArgumentException)
        {
            EventGridAuthLog.SigningKeysUnavailable(_logger, _options.EffectiveOpenIdConfigurationUrl(), exception);
            return (EventGridTokenValidationResult.Refused("the signing keys are unavailable"), false);
        }

        var parameters = new TokenValidationParameters
        {
            ValidIssuers = _options.ValidIssuers(),
            ValidAudience = _options.Audience,
            ValidateIssuer = true,
            ValidateAudience = true,
            ValidateLifetime = true,
            ValidateIssuerSigningKey = true,
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            IssuerSigningKeys = configuration.SigningKeys,
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            ClockSkew = _options.ClockSkew,
            LifetimeValidator = ValidateLifetime,
        };
        TokenValidationResult validation = await _handler.ValidateTokenAsync(token, parameters);
        if (!validation.IsValid)
        {
            string reason = validation.Exception switch
            {
                SecurityTokenInvalidAudienceException => "wrong audience",
                SecurityTokenInvalidIssuerException => "wrong issuer",
                SecurityTokenExpiredException or SecurityTokenNotYetValidException or SecurityTokenInvalidLifetimeException
                    or SecurityTokenNoExpirationException => "expired or not yet valid",
                SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException => "invalid signature",
                _ => "invalid token",
            };
            bool unknownKey = validation.Exception is SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException;
            return (EventGridTokenValidationResult.Refused(reason), unknownKey);
        }

        if (!string.IsNullOrEmpty(_options.RequiredRole)
            && !validation.ClaimsIdentity.Claims.Any(c => c.Type is "roles" or ClaimTypes.Role && c.Value == _options.RequiredRole))
        {
            return (EventGridTokenValidationResult.Refused($"the token lacks the app role {_options.RequiredRole}"), false);
        }

        return (EventGridTokenValidationResult.Valid, false);
    }

    private bool ValidateLifetime(DateTime? notBefore, DateTime? expires, SecurityToken securityToken, TokenValidationParameters parameters)
    {
        if (expires is null)
        {
            return false;
        }

        DateTime now = _timeProvider.GetUtcNow().UtcDateTime;
        return (notBefore is null || notBefore.Value.ToUniversalTime() <= now + parameters.ClockSkew)
            && expires.Value.ToUniversalTime() >= now - parameters.ClockSkew;
    }
}
