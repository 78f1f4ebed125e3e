namespace CallFlows.CallAutomation;

/// <summary>
/// A callback event whose CloudEvent <c>type</c> this library does not model (e.g. media or recording events):
/// reported with its raw <c>data</c> rather than dropped. <see cref="CallAutomationEventBase.EventType"/> holds the type.
/// </summary>
public sealed class UnknownCallAutomationEvent : CallAutomationEventBase
{
    /// <summary>The raw JSON of the CloudEvent <c>data</c>; null when the event had none.</summary>
    public BinaryData? Data { get; init; }
}
