using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using CallFlows.Emulator;

namespace CallFlows.Tests.Emulator;

/// <summary>A raw, signed HTTP client for the emulator's /calling surface: what any third-party client would send.</summary>
internal sealed class RawCallingClient : IDisposable
{
    public const string ApiVersion = "2026-03-12";

    private readonly HttpClient _http;

    public RawCallingClient(AcsEmulator emulator)
    {
        Signer = new HmacSigningHandler(emulator.AccessKey);
        _http = new HttpClient(Signer) { BaseAddress = emulator.Endpoint, Timeout = TimeSpan.FromSeconds(30) };
    }

    public HmacSigningHandler Signer { get; }

    public Task<RawResponse> PostAsync(string path, JsonNode? body, string? repeatabilityId = null, DateTimeOffset? firstSent = null) =>
        PostRawAsync(path, body?.ToJsonString(), repeatabilityId, firstSent);

    public async Task<RawResponse> PostRawAsync(string path, string? body, string? repeatabilityId = null, DateTimeOffset? firstSent = null, bool addApiVersion = true)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, WithVersion(path, addApiVersion));
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        if (repeatabilityId is not null)
        {
            request.Headers.TryAddWithoutValidation("Repeatability-Request-ID", repeatabilityId);
            request.Headers.TryAddWithoutValidation("Repeatability-First-Sent", (firstSent ?? DateTimeOffset.UtcNow).ToString("r", CultureInfo.InvariantCulture));
        }

        return await SendAsync(request);
    }

    public async Task<RawResponse> GetAsync(string path, bool addApiVersion = true)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, WithVersion(path, addApiVersion));
        return await SendAsync(request);
    }

    public async Task<RawResponse> DeleteAsync(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Delete, WithVersion(path, true));
        return await SendAsync(request);
    }

    public async Task<RawResponse> SendAsync(HttpRequestMessage request)
    {
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return new RawResponse((int)response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text), response.Headers, text);
    }

    public void Dispose() => _http.Dispose();

    private static string WithVersion(string path, bool add) =>
        add ? path + (path.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "api-version=" + ApiVersion : path;
}

/// <summary>A response of the raw client.</summary>
internal sealed record RawResponse(int Status, JsonNode? Body, HttpResponseHeaders Headers, string Text)
{
    public string? ErrorCode => Body?["error"]?["code"]?.GetValue<string>();

    public string? ErrorMessage => Body?["error"]?["message"]?.GetValue<string>();

    public string? ErrorTarget => Body?["error"]?["target"]?.GetValue<string>();

    public override string ToString() => $"{Status} {Text}";
}
