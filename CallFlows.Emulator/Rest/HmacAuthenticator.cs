using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CallFlows.Emulator.Rest;

/// <summary>
/// Verifies requests like the service (PROTOCOL.md §2): HMAC-SHA256 over
/// <c>VERB\npathAndQuery\n{signed header values joined by ';'}</c> with the base64-decoded access key, where the signed
/// headers are <c>x-ms-date;host;x-ms-content-sha256</c> (JS) or <c>date;host;x-ms-content-sha256</c> (.NET); the content
/// hash must match the body, the date must be within the allowed skew; or a bearer token when configured.
/// </summary>
internal sealed class HmacAuthenticator(byte[] key, TimeSpan maxSkew, TimeProvider time, Func<string, bool>? bearerValidator)
{
    /// <summary>Returns null when the request is authentic, otherwise the reason it is not.</summary>
    public string? Verify(HttpRequest request, string pathAndQuery, byte[] body)
    {
        var authorization = request.Headers.Authorization.ToString();
        if (string.IsNullOrWhiteSpace(authorization))
        {
            return "The Authorization header is missing.";
        }

        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            if (bearerValidator is null)
            {
                return "Bearer tokens are not accepted by this emulator (configure AcsEmulatorOptions.BearerTokenValidator).";
            }

            return bearerValidator(authorization["Bearer ".Length..].Trim()) ? null : "The bearer token was rejected.";
        }

        const string scheme = "HMAC-SHA256 ";
        if (!authorization.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return "The Authorization scheme must be HMAC-SHA256 or Bearer.";
        }

        string? signedHeaders = null, signature = null;
        foreach (var part in authorization[scheme.Length..].Trim().Split('&'))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                continue;
            }

            var name = part[..eq].Trim();
            if (name.Equals("SignedHeaders", StringComparison.OrdinalIgnoreCase))
            {
                signedHeaders = part[(eq + 1)..].Trim();
            }
            else if (name.Equals("Signature", StringComparison.OrdinalIgnoreCase))
            {
                signature = part[(eq + 1)..].Trim();
            }
        }

        if (signedHeaders is null || signature is null)
        {
            return "The Authorization header must carry SignedHeaders=...&Signature=....";
        }

        var names = signedHeaders.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var dateHeader = names.FirstOrDefault(n => n.Equals("x-ms-date", StringComparison.OrdinalIgnoreCase) || n.Equals("date", StringComparison.OrdinalIgnoreCase));
        if (dateHeader is null || !names.Contains("host", StringComparer.OrdinalIgnoreCase) || !names.Contains("x-ms-content-sha256", StringComparer.OrdinalIgnoreCase))
        {
            return "SignedHeaders must include x-ms-date (or date), host and x-ms-content-sha256.";
        }

        var contentHash = request.Headers["x-ms-content-sha256"].ToString();
        var actualHash = Convert.ToBase64String(SHA256.HashData(body));
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(contentHash), Encoding.ASCII.GetBytes(actualHash)))
        {
            return "x-ms-content-sha256 does not match the SHA-256 of the request body.";
        }

        var dateText = request.Headers[dateHeader].ToString();
        if (!DateTimeOffset.TryParseExact(dateText, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
        {
            return $"The {dateHeader} header '{dateText}' is not an RFC 1123 date.";
        }

        var skew = (time.GetUtcNow() - date).Duration();
        if (skew > maxSkew)
        {
            return $"The {dateHeader} header is {skew.TotalMinutes:0.#} minutes off the service clock (allowed: {maxSkew.TotalMinutes:0.#}).";
        }

        var values = names.Select(n => n.Equals("host", StringComparison.OrdinalIgnoreCase) ? request.Host.Value : request.Headers[n].ToString());
        var stringToSign = $"{request.Method.ToUpperInvariant()}\n{pathAndQuery}\n{string.Join(';', values)}";
        using var hmac = new HMACSHA256(key);
        var expected = hmac.ComputeHash(Encoding.UTF8.GetBytes(stringToSign));
        byte[] given;
        try
        {
            given = Convert.FromBase64String(signature);
        }
        catch (FormatException)
        {
            return "The signature is not base64.";
        }

        return CryptographicOperations.FixedTimeEquals(expected, given)
            ? null
            : "The HMAC signature does not match (wrong access key, or the string-to-sign differs: method, path and query as sent, date;host;content-hash).";
    }
}
