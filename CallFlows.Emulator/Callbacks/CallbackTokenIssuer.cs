using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace CallFlows.Emulator.Callbacks;

/// <summary>
/// Mints the RS256 JWT each callback POST carries (PROTOCOL.md §7.1): issuer
/// <c>https://acscallautomation.communication.azure.com</c>, audience = the resource id, 5-minute lifetime, a new token per
/// POST, signed with this emulator's own RSA key, which it publishes as a JWKS next to its OpenID configuration.
/// </summary>
internal sealed class CallbackTokenIssuer : IDisposable
{
    public const string Issuer = "https://acscallautomation.communication.azure.com";

    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    private readonly RSA _key;
    private readonly bool _ownsKey;
    private readonly string _audience;
    private readonly TimeProvider _time;

    public CallbackTokenIssuer(string audience, TimeProvider time, RSA? key)
    {
        _audience = audience;
        _time = time;
        _ownsKey = key is null;
        _key = key ?? RSA.Create(2048);
        var modulus = _key.ExportParameters(false).Modulus!;
        KeyId = Base64Url(SHA256.HashData(modulus))[..22];
    }

    public string KeyId { get; }

    public string CreateToken()
    {
        var now = _time.GetUtcNow();
        var header = new JsonObject { ["alg"] = "RS256", ["kid"] = KeyId, ["typ"] = "JWT" };
        var payload = new JsonObject
        {
            ["iss"] = Issuer,
            ["aud"] = _audience,
            ["iat"] = now.ToUnixTimeSeconds(),
            ["nbf"] = now.ToUnixTimeSeconds(),
            ["exp"] = now.Add(Lifetime).ToUnixTimeSeconds(),
            ["jti"] = Guid.NewGuid().ToString(),
        };
        var signingInput = Base64Url(Encoding.UTF8.GetBytes(header.ToJsonString())) + "." + Base64Url(Encoding.UTF8.GetBytes(payload.ToJsonString()));
        var signature = _key.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return signingInput + "." + Base64Url(signature);
    }

    public JsonObject Jwks()
    {
        var parameters = _key.ExportParameters(false);
        return new JsonObject
        {
            ["keys"] = new JsonArray(new JsonObject
            {
                ["kty"] = "RSA",
                ["use"] = "sig",
                ["alg"] = "RS256",
                ["kid"] = KeyId,
                ["n"] = Base64Url(parameters.Modulus!),
                ["e"] = Base64Url(parameters.Exponent!),
            }),
        };
    }

    public static JsonObject OpenIdConfiguration(Uri endpoint) => new()
    {
        ["issuer"] = Issuer,
        ["jwks_uri"] = new Uri(endpoint, "calling/keys").AbsoluteUri,
        ["response_types_supported"] = new JsonArray("id_token"),
        ["subject_types_supported"] = new JsonArray("public"),
        ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
    };

    public void Dispose()
    {
        if (_ownsKey)
        {
            _key.Dispose();
        }
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
