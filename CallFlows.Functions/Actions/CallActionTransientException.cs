namespace CallFlows.Functions.Actions;

/// <summary>
/// A call action failed for a reason worth retrying (network error, 408, 429, 5xx). The flow runtime's retry policy
/// retries activities that fail with this type; the repeatability pair makes a retry safe.
/// </summary>
public sealed class CallActionTransientException : Exception
{
    /// <summary>Put in every message so the retry policy recognizes the failure even where a host wraps the exception.</summary>
    public const string Marker = "[transient]";

    /// <summary>Creates the exception.</summary>
    public CallActionTransientException()
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What happened.</param>
    public CallActionTransientException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What happened.</param>
    /// <param name="innerException">The underlying error.</param>
    public CallActionTransientException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
