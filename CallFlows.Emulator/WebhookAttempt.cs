namespace CallFlows.Emulator;

/// <summary>One delivery attempt to a webhook, shared by the callback dispatcher and the Event Grid publisher.</summary>
internal static class WebhookAttempt
{
    /// <summary>
    /// Builds a request with <paramref name="createRequest"/> and sends it once, cut off after <paramref name="attemptTimeout"/>.
    /// An unreachable endpoint or an attempt that timed out is a failed attempt (the retry loop decides what follows), not
    /// an error; only the emulator stopping (<paramref name="cancellationToken"/>) ends the delivery with <see cref="OperationCanceledException"/>.
    /// </summary>
    /// <returns>The HTTP status code, or <see langword="null"/> when no response arrived.</returns>
    public static async Task<int?> SendAsync(HttpClient http, Func<HttpRequestMessage> createRequest, TimeSpan attemptTimeout, CancellationToken cancellationToken)
    {
        try
        {
            // Each attempt gets its own message: an HttpRequestMessage cannot be sent twice, and it is disposed as soon as the
            // attempt ends rather than held through the backoff delay.
            using var request = createRequest();
            using var attemptCts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            attemptCts.CancelAfter(attemptTimeout);
            using var response = await http.SendAsync(request, attemptCts.Token);
            return (int)response.StatusCode;
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }
}
