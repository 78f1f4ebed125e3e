using CallFlows.CallAutomation;

namespace CallFlows.Runtime;

/// <summary>
/// The call ended (a <c>CallDisconnected</c> arrived, or ACS answered 404 because the call was gone). Every pending and
/// later wait or action of that call throws it, so a flow handles a hang-up once, at the top.
/// </summary>
public sealed class CallEndedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public CallEndedException()
        : this("The call ended.")
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What happened.</param>
    public CallEndedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What happened.</param>
    /// <param name="innerException">The cause.</param>
    public CallEndedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a call.</summary>
    /// <param name="callConnectionId">The call connection that ended.</param>
    /// <param name="disconnected">The <c>CallDisconnected</c> event, if one arrived (null when a 404 said the call was gone).</param>
    public CallEndedException(string? callConnectionId, CallAutomationEventBase? disconnected)
        : base($"The call {callConnectionId} ended.")
    {
        CallConnectionId = callConnectionId;
        Event = disconnected;
    }

    /// <summary>The call connection that ended.</summary>
    public string? CallConnectionId { get; }

    /// <summary>The <c>CallDisconnected</c> event; null when ACS reported the call gone with a 404.</summary>
    public CallAutomationEventBase? Event { get; }
}
