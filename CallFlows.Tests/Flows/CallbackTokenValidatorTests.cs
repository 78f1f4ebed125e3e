using System.Security.Cryptography;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CallFlows.Tests.Flows;

public sealed class CallbackTokenValidatorTests : IAsyncLifetime
{
    private const string ResourceId = "6d0b1e4e-1c7d-4a4e-9a51-3f5f0c1a2b3c";
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 15, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(Now);
    private OidcTestServer _oidc = null!;

    public async Task InitializeAsync() => _oidc = await OidcTestServer.StartAsync();

    public async Task DisposeAsync() => await _oidc.DisposeAsync();

    private CallbackTokenValidator Validator(bool validate = true) => new(
        Options.Create(new CallFlowsOptions
        {
            Acs = new AcsOptions { ResourceId = ResourceId },
            CallbackAuth = new CallbackAuthOptions { ValidateTokens = validate, OpenIdConfigurationUrl = _oidc.ConfigurationUrl },
        }),
        _time,
        NullLogger<CallbackTokenValidator>.Instance);

    [Fact]
    public async Task ValidateAsync_ValidToken_IsAccepted()
    {
        var token = _oidc.Mint(ResourceId, Now.UtcDateTime.AddMinutes(4));

        var result = await Validator().ValidateAsync("Bearer " + token);

        result.IsValid.Should().BeTrue(result.Detail);
    }

    [Fact]
    public async Task ValidateAsync_ForgedSignature_IsRefused()
    {
        using var attacker = RSA.Create(2048);
        var token = _oidc.Mint(ResourceId, Now.UtcDateTime.AddMinutes(4), signingKey: attacker);

        var result = await Validator().ValidateAsync("Bearer " + token);

        result.Failure.Should().Be(CallbackTokenFailure.InvalidSignature);
    }

    [Fact]
    public async Task ValidateAsync_UnknownKeyId_IsRefusedAsBadSignature()
    {
        using var attacker = RSA.Create(2048);
        var token = _oidc.Mint(ResourceId, Now.UtcDateTime.AddMinutes(4), signingKey: attacker, keyId: "not-published");

        var result = await Validator().ValidateAsync("Bearer " + token);

        result.Failure.Should().Be(CallbackTokenFailure.InvalidSignature);
    }

    [Fact]
    public async Task ValidateAsync_ExpiredToken_IsRefused()
    {
        var token = _oidc.Mint(ResourceId, Now.UtcDateTime.AddMinutes(4));
        var validator = Validator();
        (await validator.ValidateAsync("Bearer " + token)).IsValid.Should().BeTrue();

        // Beyond expiry plus the one-minute clock skew, by the injected clock.
        _time.Advance(TimeSpan.FromMinutes(6));

        (await validator.ValidateAsync("Bearer " + token)).Failure.Should().Be(CallbackTokenFailure.Expired);
    }

    [Fact]
    public async Task ValidateAsync_NotYetValidToken_IsRefused()
    {
        var token = _oidc.Mint(ResourceId, Now.UtcDateTime.AddMinutes(15), notBeforeUtc: Now.UtcDateTime.AddMinutes(10));

        (await Validator().ValidateAsync("Bearer " + token)).Failure.Should().Be(CallbackTokenFailure.Expired);
    }

    [Fact]
    public async Task ValidateAsync_WrongAudience_IsRefused()
    {
        var token = _oidc.Mint("11111111-2222-3333-4444-555555555555", Now.UtcDateTime.AddMinutes(4));

        (await Validator().ValidateAsync("Bearer " + token)).Failure.Should().Be(CallbackTokenFailure.WrongAudience);
    }

    [Fact]
    public async Task ValidateAsync_WrongIssuer_IsRefused()
    {
        var token = _oidc.Mint(ResourceId, Now.UtcDateTime.AddMinutes(4), issuer: "https://evil.example.com");

        (await Validator().ValidateAsync("Bearer " + token)).Failure.Should().Be(CallbackTokenFailure.WrongIssuer);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Bearer ")]
    [InlineData("Basic dXNlcjpwYXNz")]
    public async Task ValidateAsync_MissingToken_IsRefused(string? header)
    {
        (await Validator().ValidateAsync(header)).Failure.Should().Be(CallbackTokenFailure.Missing);
    }

    [Fact]
    public async Task ValidateAsync_NotAJwt_IsRefusedAsMalformed()
    {
        (await Validator().ValidateAsync("Bearer not-a-jwt")).Failure.Should().Be(CallbackTokenFailure.Malformed);
    }

    [Fact]
    public async Task ValidateAsync_ValidationTurnedOff_AcceptsWithoutToken()
    {
        (await Validator(validate: false).ValidateAsync(null)).IsValid.Should().BeTrue();
    }

    [Fact]
    public async Task ValidateAsync_MetadataUnreachable_ReportsKeysUnavailable()
    {
        var validator = new CallbackTokenValidator(
            Options.Create(new CallFlowsOptions
            {
                Acs = new AcsOptions { ResourceId = ResourceId },
                CallbackAuth = new CallbackAuthOptions { OpenIdConfigurationUrl = new Uri("http://127.0.0.1:1/calling/.well-known/acsopenidconfiguration") },
            }),
            _time,
            NullLogger<CallbackTokenValidator>.Instance);

        var result = await validator.ValidateAsync("Bearer " + _oidc.Mint(ResourceId, Now.UtcDateTime.AddMinutes(4)));

        result.Failure.Should().Be(CallbackTokenFailure.KeysUnavailable);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5050/x", true)]
    [InlineData("http://localhost:5050/x", true)]
    [InlineData("http://[::1]:5050/x", true)]
    [InlineData("http://10.0.0.5/x", false)]
    [InlineData("https://acscallautomation.communication.azure.com/x", false)]
    public void IsLoopback_Url_AllowsPlainHttpOnlyForThisMachine(string url, bool expected) =>
        CallbackTokenValidator.IsLoopback(new Uri(url)).Should().Be(expected);
}
