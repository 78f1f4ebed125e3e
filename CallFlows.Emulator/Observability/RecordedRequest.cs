namespace CallFlows.Emulator.Observability;

/// <summary>One REST request the emulator received on its <c>/calling</c> surface and how it answered.</summary>
public sealed record RecordedRequest
{
    /// <summary>When the response was sent (emulator clock).</summary>
    public required DateTimeOffset Time { get; init; }

    /// <summary>HTTP method.</summary>
    public required string Method { get; init; }

    /// <summary>Path and query exactly as on the wire.</summary>
    public required string Path { get; init; }

    /// <summary>The spec operationId (e.g. <c>CallConnection_AddParticipant</c>), or null when no route matched.</summary>
    public string? Operation { get; init; }

    /// <summary>The call connection id in the path, if any.</summary>
    public string? CallConnectionId { get; init; }

    /// <summary>The response status code.</summary>
    public required int Status { get; init; }

    /// <summary>The error code of a non-2xx response body, if any.</summary>
    public string? ErrorCode { get; init; }

    /// <summary>The <c>Repeatability-Request-ID</c> header, if sent.</summary>
    public string? RepeatabilityRequestId { get; init; }

    /// <summary>True when the response was replayed from an earlier request with the same repeatability id (nothing executed).</summary>
    public bool IsReplay { get; init; }

    /// <summary>True when the status came from fault injection.</summary>
    public bool IsInjectedFault { get; init; }

    /// <summary>The request body as received (UTF-8), empty when none.</summary>
    public string RequestBody { get; init; } = string.Empty;

    /// <summary>The response body as sent, empty when none.</summary>
    public string ResponseBody { get; init; } = string.Empty;

    /// <inheritdoc />
    public override string ToString() =>
        $"{Method} {Path} -> {Status}{(ErrorCode is null ? "" : " " + ErrorCode)}{(IsReplay ? " (replay)" : "")}{(IsInjectedFault ? " (fault)" : "")}";
}
