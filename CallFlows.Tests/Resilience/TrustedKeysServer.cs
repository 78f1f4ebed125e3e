using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CallFlows.Tests.Resilience;

/// <summary>
/// An ACS-shaped OpenID configuration whose key set is the emulator's keys plus one test key: the app then accepts the
/// emulator's real callbacks (the live call keeps working) and tokens this class mints with the test key, so expired,
/// wrong-audience and wrong-issuer tokens fail on exactly that check and not merely on an unknown signature.
/// </summary>
internal sealed class TrustedKeysServer : IAsyncDisposable
{
    public const string Issuer = "https://acscallautomation.communication.azure.com";
    const string TestKeyId = "resilience-test-key";
    readonly WebApplication app;
    readonly RSA trusted = RSA.Create(2048);
    readonly RSA untrusted = RSA.Create(2048);

    TrustedKeysServer(WebApplication app) => this.app = app;

    /// <summary>Gets the Authorization headers of callbacks posted to <see cref="CaptureUrl"/>.</summary>
    public System.Collections.Concurrent.ConcurrentQueue<string> CapturedTokens { get; } = new();

    public Uri CaptureUrl => new(this.app.Urls.First() + "/capture");

    public Uri ConfigurationUrl => new(this.app.Urls.First() + "/calling/.well-known/acsopenidconfiguration");

    public static async Task<TrustedKeysServer> StartAsync(Uri emulatorKeys)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        WebApplication web = builder.Build();
        var server = new TrustedKeysServer(web);
        using var http = new HttpClient();
        JsonObject emulatorJwks = JsonNode.Parse(await http.GetStringAsync(emulatorKeys))!.AsObject();
        RSAParameters p = server.trusted.ExportParameters(false);
        emulatorJwks["keys"]!.AsArray().Add(new JsonObject
        {
            ["kty"] = "RSA", ["use"] = "sig", ["alg"] = "RS256", ["kid"] = TestKeyId,
            ["n"] = Base64UrlEncoder.Encode(p.Modulus), ["e"] = Base64UrlEncoder.Encode(p.Exponent),
        });
        string jwks = emulatorJwks.ToJsonString();
        web.MapGet("/calling/.well-known/acsopenidconfiguration", (HttpContext c) => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = Issuer,
            ["jwks_uri"] = $"{c.Request.Scheme}://{c.Request.Host}/calling/keys",
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
        }));
        web.MapGet("/calling/keys", () => Results.Text(jwks, "application/json"));
        web.MapPost("/capture", (HttpContext c) =>
        {
            server.CapturedTokens.Enqueue(c.Request.Headers.Authorization.ToString());
            return Results.Ok();
        });
        await web.StartAsync();
        return server;
    }

    /// <summary>Mints a token of the given kind for the audience (the ACS resource id).</summary>
    public string? Mint(string kind, string audience)
    {
        DateTime now = DateTime.UtcNow;
        return kind switch
        {
            "missing" => null,
            "valid" => this.Sign(audience, Issuer, now.AddMinutes(5), this.trusted),
            "forged" => this.Sign(audience, Issuer, now.AddMinutes(5), this.untrusted),
            "expired" => this.Sign(audience, Issuer, now.AddMinutes(-10), this.trusted),
            "not-yet-valid" => this.Sign(audience, Issuer, now.AddMinutes(30), this.trusted, notBefore: now.AddMinutes(20)),
            "wrong-audience" => this.Sign(Guid.NewGuid().ToString(), Issuer, now.AddMinutes(5), this.trusted),
            "wrong-issuer" => this.Sign(audience, "https://evil.example.com", now.AddMinutes(5), this.trusted),
            "alg-none" => Unsigned(audience, now.AddMinutes(5)),
            "garbage" => "not.a.jwt",
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown token kind"),
        };
    }

    public async ValueTask DisposeAsync()
    {
        await this.app.DisposeAsync();
        this.trusted.Dispose();
        this.untrusted.Dispose();
    }

    static string Unsigned(string audience, DateTime expires)
    {
        static string Part(object value) => Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(value)));
        long exp = new DateTimeOffset(expires).ToUnixTimeSeconds();
        return Part(new { alg = "none", typ = "JWT", kid = TestKeyId }) + "." + Part(new { iss = Issuer, aud = audience, exp, nbf = exp - 600 }) + ".";
    }

    string Sign(string audience, string issuer, DateTime expires, RSA key, DateTime? notBefore = null) =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            NotBefore = notBefore ?? expires.AddMinutes(-5),
            IssuedAt = notBefore ?? expires.AddMinutes(-5),
            Expires = expires,
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(key) { KeyId = TestKeyId }, SecurityAlgorithms.RsaSha256),
        });
}
