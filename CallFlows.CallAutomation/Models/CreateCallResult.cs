namespace CallFlows.CallAutomation;

/// <summary>The result of a call-establishing operation: the new call connection and its initial properties.</summary>
public sealed class CreateCallResult
{
    /// <summary>Creates the result.</summary>
    /// <param name="callConnection">The call connection client.</param>
    /// <param name="callConnectionProperties">The properties returned by the service.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public CreateCallResult(CallConnection callConnection, CallConnectionProperties callConnectionProperties)
    {
        ArgumentNullException.ThrowIfNull(callConnection);
        ArgumentNullException.ThrowIfNull(callConnectionProperties);
        CallConnection = callConnection;
        CallConnectionProperties = callConnectionProperties;
    }

    /// <summary>The client for the new call connection.</summary>
    public CallConnection CallConnection { get; }

    /// <summary>The properties of the call connection as returned by the service (the state may still be <see cref="CallConnectionState.Connecting"/>).</summary>
    public CallConnectionProperties CallConnectionProperties { get; }
}
