using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CallFlows.Tests.Flows;

/// <summary>A loopback OpenID configuration + JWKS endpoint (the ACS shape) with its own RSA key, and a token minter.</summary>
internal sealed class OidcTestServer : IAsyncDisposable
{
    public const string Issuer = "https://acscallautomation.communication.azure.com";

    private readonly WebApplication _app;

    private OidcTestServer(WebApplication app, RSA key, string keyId)
    {
        _app = app;
        Key = key;
        KeyId = keyId;
    }

    public RSA Key { get; }

    public string KeyId { get; }

    public Uri ConfigurationUrl => new(_app.Urls.First() + "/calling/.well-known/acsopenidconfiguration");

    public int ConfigurationRequests { get; private set; }

    public static async Task<OidcTestServer> StartAsync()
    {
        var key = RSA.Create(2048);
        const string keyId = "test-key-1";
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        OidcTestServer? server = null;
        app.MapGet("/calling/.well-known/acsopenidconfiguration", (HttpContext context) =>
        {
            server!.ConfigurationRequests++;
            var baseUrl = $"{context.Request.Scheme}://{context.Request.Host}";
            return Results.Json(new Dictionary<string, object>
            {
                ["issuer"] = Issuer,
                ["jwks_uri"] = baseUrl + "/calling/keys",
                ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
            });
        });
        app.MapGet("/calling/keys", () =>
        {
            var parameters = key.ExportParameters(false);
            return Results.Json(new
            {
                keys = new[]
                {
                    new Dictionary<string, string>
                    {
                        ["kty"] = "RSA",
                        ["use"] = "sig",
                        ["alg"] = "RS256",
                        ["kid"] = keyId,
                        ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
                        ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
                    },
                },
            });
        });
        await app.StartAsync();
        server = new OidcTestServer(app, key, keyId);
        return server;
    }

    public string Mint(string audience, DateTime expiresUtc, string issuer = Issuer, RSA? signingKey = null, string? keyId = null, DateTime? notBeforeUtc = null)
    {
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            NotBefore = notBeforeUtc ?? expiresUtc.AddMinutes(-5),
            IssuedAt = notBeforeUtc ?? expiresUtc.AddMinutes(-5),
            Expires = expiresUtc,
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(signingKey ?? Key) { KeyId = keyId ?? KeyId }, SecurityAlgorithms.RsaSha256),
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        Key.Dispose();
    }
}
