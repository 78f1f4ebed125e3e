namespace CallFlows.Functions.Actions;

/// <summary>
/// ACS refused a call action with a non-transient error (a 4xx other than 408/429). Not retried; it reaches the flow as
/// a <see cref="Microsoft.DurableTask.TaskFailedException"/> whose failure details name this type, and the typed flow
/// API turns it into a failed result.
/// </summary>
public sealed class CallActionRejectedException : Exception
{
    /// <summary>The message prefix that carries the HTTP status, parsed back by the flow runtime.</summary>
    internal const string StatusPrefix = "HTTP ";

    /// <summary>Creates the exception.</summary>
    public CallActionRejectedException()
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What happened.</param>
    public CallActionRejectedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What happened.</param>
    /// <param name="innerException">The service error.</param>
    public CallActionRejectedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for an action refused by the service.</summary>
    /// <param name="action">The action name.</param>
    /// <param name="status">The HTTP status.</param>
    /// <param name="errorCode">The service error code, if any.</param>
    /// <param name="serviceMessage">The service message.</param>
    /// <param name="innerException">The service error.</param>
    public CallActionRejectedException(string action, int status, string? errorCode, string serviceMessage, Exception innerException)
        : base($"{StatusPrefix}{status} ({errorCode ?? "no code"}) from {action}: {serviceMessage}", innerException)
    {
        Status = status;
        ErrorCode = errorCode;
    }

    /// <summary>The HTTP status the service returned.</summary>
    public int Status { get; }

    /// <summary>The service error code, if any.</summary>
    public string? ErrorCode { get; }
}
