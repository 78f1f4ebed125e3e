namespace CallFlows.Runtime;

/// <summary>How a runtime wait ended and, when an event matched, the event.</summary>
internal readonly record struct WaitOutcome(WaitKind Kind, ReceivedEvent? Received);
