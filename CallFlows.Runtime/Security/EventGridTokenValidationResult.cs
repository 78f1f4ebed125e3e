namespace CallFlows.Runtime.Security;

/// <summary>The result of validating an Event Grid delivery's Microsoft Entra token.</summary>
/// <param name="IsValid">Whether the delivery may be processed.</param>
/// <param name="Reason">Why it was refused (for the log line and the 401 body); null when valid.</param>
internal sealed record EventGridTokenValidationResult(bool IsValid, string? Reason)
{
    /// <summary>An accepted delivery.</summary>
    public static EventGridTokenValidationResult Valid { get; } = new(true, null);

    /// <summary>A refused delivery.</summary>
    /// <param name="reason">Why.</param>
    /// <returns>The result.</returns>
    public static EventGridTokenValidationResult Refused(string reason) => new(false, reason);
}
