namespace CallFlows.CallAutomation;

/// <summary>
/// Thrown by <see cref="CallAutomationEventParser"/> when a callback body is not a CloudEvent (or array of CloudEvents)
/// it can read: malformed JSON, a missing <c>type</c>, or <c>data</c> of the wrong shape for a known type.
/// Derives from <see cref="FormatException"/>; an HTTP endpoint should answer 400.
/// </summary>
public sealed class CallAutomationEventFormatException : FormatException
{
    /// <summary>Creates the exception.</summary>
    public CallAutomationEventFormatException()
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong.</param>
    public CallAutomationEventFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="innerException">The underlying parse error.</param>
    public CallAutomationEventFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
