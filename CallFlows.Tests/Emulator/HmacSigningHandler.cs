using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CallFlows.Tests.Emulator;

/// <summary>
/// Signs requests the way ACS clients do (PROTOCOL.md §2.2), independent of any client library: JS variant signs
/// <c>x-ms-date</c>, .NET variant signs <c>Date</c>. Knobs let tests break one part of the signature at a time.
/// </summary>
internal sealed class HmacSigningHandler(string accessKey) : DelegatingHandler(new SocketsHttpHandler())
{
    public bool SignDateHeader { get; set; }

    public DateTimeOffset? DateOverride { get; set; }

    public string? KeyOverride { get; set; }

    public bool CorruptContentHash { get; set; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        var contentHash = Convert.ToBase64String(SHA256.HashData(CorruptContentHash ? [.. body, (byte)' '] : body));
        var date = (DateOverride ?? DateTimeOffset.UtcNow).ToString("r", CultureInfo.InvariantCulture);
        var host = request.RequestUri!.Authority;
        var pathAndQuery = request.RequestUri.PathAndQuery;
        var stringToSign = $"{request.Method.Method.ToUpperInvariant()}\n{pathAndQuery}\n{date};{host};{contentHash}";
        using var hmac = new HMACSHA256(Convert.FromBase64String(KeyOverride ?? accessKey));
        var signature = Convert.ToBase64String(hmac.ComputeHash(Encoding.UTF8.GetBytes(stringToSign)));
        var dateHeader = SignDateHeader ? "date" : "x-ms-date";
        if (SignDateHeader)
        {
            request.Headers.TryAddWithoutValidation("Date", date);
        }
        else
        {
            request.Headers.TryAddWithoutValidation("x-ms-date", date);
        }

        request.Headers.TryAddWithoutValidation("x-ms-content-sha256", contentHash);
        request.Headers.TryAddWithoutValidation("Authorization", $"HMAC-SHA256 SignedHeaders={dateHeader};host;x-ms-content-sha256&Signature={signature}");
        return await base.SendAsync(request, cancellationToken);
    }
}
