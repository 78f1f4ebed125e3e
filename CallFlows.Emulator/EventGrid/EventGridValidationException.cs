namespace CallFlows.Emulator.EventGrid;

/// <summary>A webhook did not complete the Event Grid subscription validation handshake, so it was not registered.</summary>
public sealed class EventGridValidationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public EventGridValidationException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What went wrong.</param>
    public EventGridValidationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the underlying failure.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The underlying failure.</param>
    public EventGridValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
