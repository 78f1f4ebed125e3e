using CallFlows.CallAutomation;

namespace CallFlows.Runtime;

/// <summary>A callback event after the runtime took it from the event stream: parsed once, carried typed.</summary>
/// <param name="Name">The short event name, e.g. <c>CallConnected</c>.</param>
/// <param name="OperationContext">The operation context it echoes, if any.</param>
/// <param name="CallConnectionId">The call connection it belongs to.</param>
/// <param name="Event">The typed event.</param>
internal sealed record ReceivedEvent(string Name, string? OperationContext, string? CallConnectionId, CallAutomationEventBase Event);
