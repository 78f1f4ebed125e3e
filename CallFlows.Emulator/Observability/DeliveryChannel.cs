namespace CallFlows.Emulator.Observability;

/// <summary>Which way an event was delivered.</summary>
public enum DeliveryChannel
{
    /// <summary>A Call Automation callback (CloudEvent) to a callbackUri or operationCallbackUri.</summary>
    Callback,

    /// <summary>An Event Grid notification (IncomingCall) to a registered webhook.</summary>
    EventGrid,

    /// <summary>The Event Grid subscription validation handshake.</summary>
    EventGridValidation,
}
