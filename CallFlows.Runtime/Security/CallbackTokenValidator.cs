using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace CallFlows.Runtime.Security;

/// <summary>
/// Validates the signed JWT that ACS puts in the <c>Authorization</c> header of every callback: RS256 signature with a
/// key from the OpenID configuration, issuer, audience (the ACS resource id) and lifetime (checked against the
/// injected <see cref="TimeProvider"/>). Signing keys are cached and refreshed by <see cref="ConfigurationManager{T}"/>;
/// a token signed with an unknown key triggers one refresh (key rotation).
/// </summary>
internal sealed class CallbackTokenValidator
{
    private static readonly string[] Algorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512];

    private readonly CallbackAuthOptions _options;
    private readonly string? _audience;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<CallbackTokenValidator> _logger;
    private readonly IConfigurationManager<OpenIdConnectConfiguration> _configurationManager;
    private readonly JsonWebTokenHandler _handler = new();

    /// <summary>Creates the validator, discovering keys from <see cref="CallbackAuthOptions.OpenIdConfigurationUrl"/>.</summary>
    /// <param name="options">The app settings.</param>
    /// <param name="timeProvider">The clock for lifetime checks.</param>
    /// <param name="logger">The logger.</param>
    public CallbackTokenValidator(IOptions<CallFlowsOptions> options, TimeProvider timeProvider, ILogger<CallbackTokenValidator> logger)
        : this(options, timeProvider, logger, CreateConfigurationManager(options?.Value.CallbackAuth.OpenIdConfigurationUrl))
    {
    }

    /// <summary>Creates the validator with a given source of signing keys.</summary>
    /// <param name="options">The app settings.</param>
    /// <param name="timeProvider">The clock for lifetime checks.</param>
    /// <param name="logger">The logger.</param>
    /// <param name="configurationManager">Where the OpenID configuration (signing keys) comes from.</param>
    public CallbackTokenValidator(IOptions<CallFlowsOptions> options, TimeProvider timeProvider, ILogger<CallbackTokenValidator> logger,
        IConfigurationManager<OpenIdConnectConfiguration> configurationManager)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentNullException.ThrowIfNull(configurationManager);
        _options = options.Value.CallbackAuth;
        _audience = _options.Audience ?? options.Value.Acs.ResourceId;
        _timeProvider = timeProvider;
        _logger = logger;
        _configurationManager = configurationManager;
    }

    /// <summary>Creates the OpenID configuration manager; HTTPS is required unless the address is a loopback address.</summary>
    /// <param name="openIdConfigurationUrl">The OpenID configuration URL.</param>
    /// <returns>The configuration manager.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="openIdConfigurationUrl"/> is null.</exception>
    public static ConfigurationManager<OpenIdConnectConfiguration> CreateConfigurationManager(Uri? openIdConfigurationUrl)
    {
        ArgumentNullException.ThrowIfNull(openIdConfigurationUrl);
        var retriever = new HttpDocumentRetriever { RequireHttps = !IsLoopback(openIdConfigurationUrl) };
        return new ConfigurationManager<OpenIdConnectConfiguration>(openIdConfigurationUrl.AbsoluteUri, new OpenIdConnectConfigurationRetriever(), retriever);
    }

    /// <summary>Whether a URL points at this machine (only then may the metadata be fetched over plain HTTP).</summary>
    /// <param name="url">The URL.</param>
    /// <returns>True for <c>localhost</c> and loopback IP addresses.</returns>
    public static bool IsLoopback(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return url.IsLoopback || (IPAddress.TryParse(url.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
    }

    /// <summary>Validates the <c>Authorization</c> header of a callback.</summary>
    /// <param name="authorizationHeader">The header value (<c>Bearer &lt;jwt&gt;</c>).</param>
    /// <param name="cancellationToken">Cancels key retrieval.</param>
    /// <returns>The result; <see cref="CallbackTokenValidationResult.IsValid"/> when the callback may be processed.</returns>
    public async Task<CallbackTokenValidationResult> ValidateAsync(string? authorizationHeader, CancellationToken cancellationToken = default)
    {
        if (!_options.ValidateTokens)
        {
            return CallbackTokenValidationResult.Valid;
        }

        const string scheme = "Bearer ";
        if (string.IsNullOrWhiteSpace(authorizationHeader) || !authorizationHeader.StartsWith(scheme, StringComparison.OrdinalIgnoreCase)
            || string.IsNullOrWhiteSpace(authorizationHeader[scheme.Length..]))
        {
            return new CallbackTokenValidationResult(CallbackTokenFailure.Missing, "No bearer token.");
        }

        var token = authorizationHeader[scheme.Length..].Trim();
        if (!_handler.CanReadToken(token))
        {
            return new CallbackTokenValidationResult(CallbackTokenFailure.Malformed, "The bearer token is not a JWT.");
        }

        var result = await ValidateWithKeysAsync(token, cancellationToken);
        if (result.Failure == CallbackTokenFailure.InvalidSignature)
        {
            // Possibly a rotated key: fetch the configuration again once. ConfigurationManager rate-limits refreshes
            // (RefreshInterval, 5 minutes by default), so forged tokens cannot hammer the metadata endpoint.
            _configurationManager.RequestRefresh();
            result = await ValidateWithKeysAsync(token, cancellationToken);
        }

        return result;
    }

    private async Task<CallbackTokenValidationResult> ValidateWithKeysAsync(string token, CancellationToken cancellationToken)
    {
        OpenIdConnectConfiguration configuration;
        try
        {
            configuration = await _configurationManager.GetConfigurationAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is InvalidOperationException or IOException or HttpRequestException or ArgumentException)
        {
            Log.SigningKeysUnavailable(_logger, _options.OpenIdConfigurationUrl, exception);
            return new CallbackTokenValidationResult(CallbackTokenFailure.KeysUnavailable, exception.Message);
        }

        var parameters = new TokenValidationParameters
        {
            ValidIssuer = _options.Issuer,
            ValidAudience = _audience,
            ValidateIssuer = true,
            ValidateAudience = true,
            ValidateLifetime = true,
            ValidateIssuerSigningKey = true,
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            IssuerSigningKeys = configuration.SigningKeys,
            ValidAlgorithms = Algorithms,
            ClockSkew = _options.ClockSkew,
            LifetimeValidator = ValidateLifetime,
        };
        var validation = await _handler.ValidateTokenAsync(token, parameters);
        if (validation.IsValid)
        {
            return CallbackTokenValidationResult.Valid;
        }

        var error = validation.Exception;
        var failure = error switch
        {
            SecurityTokenInvalidAudienceException => CallbackTokenFailure.WrongAudience,
            SecurityTokenInvalidIssuerException => CallbackTokenFailure.WrongIssuer,
            SecurityTokenExpiredException or SecurityTokenNotYetValidException or SecurityTokenInvalidLifetimeException
                or SecurityTokenNoExpirationException => CallbackTokenFailure.Expired,
            SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException => CallbackTokenFailure.InvalidSignature,
            SecurityTokenMalformedException => CallbackTokenFailure.Malformed,
            _ => CallbackTokenFailure.Invalid,
        };
        return new CallbackTokenValidationResult(failure, error?.Message);
    }

    private bool ValidateLifetime(DateTime? notBefore, DateTime? expires, SecurityToken securityToken, TokenValidationParameters parameters)
    {
        if (expires is null)
        {
            return false;
        }

        var now = _timeProvider.GetUtcNow().UtcDateTime;
        var skew = parameters.ClockSkew;
        return (notBefore is null || notBefore.Value.ToUniversalTime() <= now + skew) && expires.Value.ToUniversalTime() >= now - skew;
    }
}
