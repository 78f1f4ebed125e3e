using System.Security.Cryptography;
using CallFlows.Tests.Flows;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CallFlows.Tests.Security;

/// <summary>The webhook's second factor: the Microsoft Entra token Event Grid sends, validated against real signed JWTs and a loopback JWKS.</summary>
public sealed class EventGridTokenValidatorTests : IAsyncLifetime
{
    private const string Tenant = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    private const string Audience = "api://callflows-webhook";
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 17, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(Now);
    private OidcTestServer _oidc = null!;

    public async Task InitializeAsync() => _oidc = await OidcTestServer.StartAsync();

    public async Task DisposeAsync() => await _oidc.DisposeAsync();

    [Fact]
    public async Task ValidateAsync_EventGridTokenV1_IsAccepted()
    {
        var result = await Validator().ValidateAsync("Bearer " + Mint());

        result.Should().Be(EventGridTokenValidationResult.Valid);
    }

    [Fact]
    public async Task ValidateAsync_EventGridTokenV2_IsAccepted()
    {
        var result = await Validator().ValidateAsync("Bearer " + Mint(issuer: $"https://login.microsoftonline.com/{Tenant}/v2.0"));

        result.IsValid.Should().BeTrue(result.Reason);
    }

    [Fact]
    public async Task ValidateAsync_TokenWithoutSubscriberRole_IsRefused()
    {
        var result = await Validator().ValidateAsync("Bearer " + Mint(role: null));

        result.IsValid.Should().BeFalse();
        result.Reason.Should().Contain("AzureEventGridSecureWebhookSubscriber");
    }

    [Fact]
    public async Task ValidateAsync_OtherAudience_IsRefused()
    {
        var result = await Validator().ValidateAsync("Bearer " + Mint(audience: "api://someone-else"));

        result.Should().Be(EventGridTokenValidationResult.Refused("wrong audience"));
    }

    [Fact]
    public async Task ValidateAsync_OtherTenant_IsRefused()
    {
        var result = await Validator().ValidateAsync("Bearer " + Mint(issuer: "https://sts.windows.net/00000000-0000-0000-0000-000000000001/"));

        result.Should().Be(EventGridTokenValidationResult.Refused("wrong issuer"));
    }

    [Fact]
    public async Task ValidateAsync_ForgedSignature_IsRefused()
    {
        using var attacker = RSA.Create(2048);

        var result = await Validator().ValidateAsync("Bearer " + Mint(signingKey: attacker));

        result.Should().Be(EventGridTokenValidationResult.Refused("invalid signature"));
    }

    [Fact]
    public async Task ValidateAsync_ExpiredToken_IsRefused()
    {
        var result = await Validator().ValidateAsync("Bearer " + Mint(expires: Now.UtcDateTime.AddMinutes(-6)));

        result.Should().Be(EventGridTokenValidationResult.Refused("expired or not yet valid"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Basic dXNlcjpwYXNz")]
    [InlineData("Bearer not-a-jwt")]
    public async Task ValidateAsync_NoUsableToken_IsRefused(string? header)
    {
        var result = await Validator().ValidateAsync(header);

        result.IsValid.Should().BeFalse();
    }

    [Fact]
    public async Task ValidateAsync_Disabled_AcceptsAnything()
    {
        var result = await Validator(enabled: false).ValidateAsync(null);

        result.IsValid.Should().BeTrue();
    }

    [Fact]
    public void Constructor_EnabledWithoutAudience_FailsAtStartup()
    {
        var act = () => new EventGridTokenValidator(
            Options.Create(new EventGridAuthOptions { Enabled = true, TenantId = Tenant }), _time, NullLogger<EventGridTokenValidator>.Instance);

        act.Should().Throw<OptionsValidationException>().WithMessage("*Audience*");
    }

    [Fact]
    public async Task Gate_DeliveryWithoutToken_Answers401AndSkipsTheWebhook()
    {
        var gate = new EventGridAuthGate(Validator(), NullLogger<EventGridAuthGate>.Instance);
        var context = new DefaultHttpContext();
        context.Request.Method = "POST";
        context.Request.Path = "/api/incoming-call";
        bool ran = false;

        IActionResult result = await gate.RunAsync(context.Request, () =>
        {
            ran = true;
            return Task.FromResult<IActionResult>(new JsonHttpResult(StatusCodes.Status200OK));
        });

        ran.Should().BeFalse();
        result.Should().BeOfType<JsonHttpResult>().Which.StatusCode.Should().Be(StatusCodes.Status401Unauthorized);
    }

    [Fact]
    public async Task Gate_DeliveryWithToken_RunsTheWebhook()
    {
        var gate = new EventGridAuthGate(Validator(), NullLogger<EventGridAuthGate>.Instance);
        var context = new DefaultHttpContext();
        context.Request.Method = "POST";
        context.Request.Headers.Authorization = "Bearer " + Mint();

        IActionResult result = await gate.RunAsync(context.Request, () => Task.FromResult<IActionResult>(new JsonHttpResult(StatusCodes.Status200OK)));

        result.Should().BeOfType<JsonHttpResult>().Which.StatusCode.Should().Be(StatusCodes.Status200OK);
    }

    private EventGridTokenValidator Validator(bool enabled = true) => new(
        Options.Create(new EventGridAuthOptions
        {
            Enabled = enabled,
            TenantId = Tenant,
            Audience = Audience,
            OpenIdConfigurationUrl = _oidc.ConfigurationUrl,
        }),
        _time,
        NullLogger<EventGridTokenValidator>.Instance);

    private string Mint(
        string audience = Audience,
        string issuer = $"https://sts.windows.net/{Tenant}/",
        string? role = EventGridAuthOptions.EventGridSubscriberRole,
        DateTime? expires = null,
        RSA? signingKey = null)
    {
        DateTime expiresUtc = expires ?? Now.UtcDateTime.AddMinutes(50);
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            NotBefore = expiresUtc.AddHours(-1),
            IssuedAt = expiresUtc.AddHours(-1),
            Expires = expiresUtc,
            Claims = role is null
                ? new Dictionary<string, object> { ["appid"] = "4962773b-9cdb-44cf-a8bf-237846a00ab7" }
                : new Dictionary<string, object> { ["appid"] = "4962773b-9cdb-44cf-a8bf-237846a00ab7", ["roles"] = new[] { role } },
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(signingKey ?? _oidc.Key) { KeyId = _oidc.KeyId }, SecurityAlgorithms.RsaSha256),
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }
}
