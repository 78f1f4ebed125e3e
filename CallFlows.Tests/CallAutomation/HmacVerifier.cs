using System.Security.Cryptography;
using System.Text;

namespace CallFlows.Tests.CallAutomation;

/// <summary>
/// Verifies an ACS HMAC-SHA256 request signature from what the server received (PROTOCOL.md §2.2), written
/// independently of the client's policy so the two cannot share a mistake.
/// </summary>
internal static class HmacVerifier
{
    public const string AccessKey = "aGVsbG8td29ybGQtc2VjcmV0LWtleS1mb3ItdGVzdHMtb25seQ==";

    public static string Hash(byte[] body) => Convert.ToBase64String(SHA256.HashData(body));

    public static string ExpectedSignature(string method, string pathAndQuery, string date, string host, string contentHash) =>
        Convert.ToBase64String(HMACSHA256.HashData(
            Convert.FromBase64String(AccessKey),
            Encoding.UTF8.GetBytes($"{method}\n{pathAndQuery}\n{date};{host};{contentHash}")));

    public static void AssertSigned(RecordedRequest request)
    {
        var date = request.Headers["x-ms-date"];
        date.Should().NotBeNullOrEmpty();
        DateTimeOffset.TryParseExact(date, "r", null, System.Globalization.DateTimeStyles.AssumeUniversal, out _).Should().BeTrue($"x-ms-date '{date}' must be an IMF-fixdate");
        var contentHash = request.Headers["x-ms-content-sha256"];
        contentHash.Should().Be(Hash(request.Body), "x-ms-content-sha256 must hash the exact body bytes received");
        var host = request.Headers["Host"]!;
        host.Should().Contain(":", "the loopback endpoint has a port and the signature must cover it");
        var expected = ExpectedSignature(request.Method, request.RawUrl, date!, host, contentHash!);
        request.Headers["Authorization"].Should().Be($"HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature={expected}");
    }
}
