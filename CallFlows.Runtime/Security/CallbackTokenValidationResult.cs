namespace CallFlows.Runtime.Security;

/// <summary>The result of validating a callback token.</summary>
/// <param name="Failure">Why the token was refused; <see cref="CallbackTokenFailure.None"/> when accepted.</param>
/// <param name="Detail">What the validator found (for the log line).</param>
internal sealed record CallbackTokenValidationResult(CallbackTokenFailure Failure, string? Detail)
{
    /// <summary>Whether the callback may be processed.</summary>
    public bool IsValid => Failure == CallbackTokenFailure.None;

    /// <summary>An accepted token.</summary>
    public static CallbackTokenValidationResult Valid { get; } = new(CallbackTokenFailure.None, null);
}
