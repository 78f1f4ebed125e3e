using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Azure.Core;
using Azure.Core.Pipeline;

namespace CallFlows.CallAutomation.Pipeline;

/// <summary>
/// Signs each attempt with the ACS access key (PROTOCOL.md §2.2), exactly like JS SDK 1.6.0:
/// <c>x-ms-date</c>, <c>x-ms-content-sha256</c> and
/// <c>Authorization: HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&amp;Signature=...</c>.
/// Runs per retry so every attempt carries a fresh date.
/// </summary>
internal sealed class HmacAuthenticationPolicy : HttpPipelineSynchronousPolicy
{
    private readonly byte[] _key;
    private readonly TimeProvider _timeProvider;

    public HmacAuthenticationPolicy(byte[] key, TimeProvider timeProvider)
    {
        _key = key;
        _timeProvider = timeProvider;
    }

    public override void OnSendingRequest(HttpMessage message)
    {
        var request = message.Request;
        var contentHash = ComputeContentHash(request.Content, message.CancellationToken);
        var date = _timeProvider.GetUtcNow().ToString("r", CultureInfo.InvariantCulture);
        var uri = request.Uri.ToUri();
        var stringToSign = BuildStringToSign(request.Method.Method, uri.PathAndQuery, date, uri.Authority, contentHash);
        var signature = Sign(_key, stringToSign);

        request.Headers.SetValue("x-ms-date", date);
        request.Headers.SetValue("x-ms-content-sha256", contentHash);
        request.Headers.SetValue(HttpHeader.Names.Authorization, $"HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature={signature}");
    }

    /// <summary>The string-to-sign: <c>VERB\npathAndQuery\ndate;host;contentHash</c>.</summary>
    internal static string BuildStringToSign(string method, string pathAndQuery, string date, string host, string contentHash) =>
        $"{method.ToUpperInvariant()}\n{pathAndQuery}\n{date};{host};{contentHash}";

    /// <summary>base64(HMAC-SHA256(key, ASCII(stringToSign))).</summary>
    internal static string Sign(byte[] key, string stringToSign) =>
        Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(stringToSign)));

    private static string ComputeContentHash(RequestContent? content, CancellationToken cancellationToken)
    {
        if (content is null)
        {
            return Convert.ToBase64String(SHA256.HashData([]));
        }

        using var buffer = new MemoryStream();
        content.WriteTo(buffer, cancellationToken);
        return Convert.ToBase64String(SHA256.HashData(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)));
    }
}
