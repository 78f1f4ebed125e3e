namespace CallFlows.Runtime;

/// <summary>A registered flow: its name (the orchestrator function's), kind, input/settings type and result type.</summary>
/// <param name="Name">The flow (orchestrator function) name.</param>
/// <param name="FlowType">The flow class.</param>
/// <param name="Kind">How it is started.</param>
/// <param name="InputType">Its settings (inbound) or input (outbound) type.</param>
/// <param name="ResultType">Its result enum.</param>
/// <param name="Flow">An instance, for validation.</param>
/// <param name="AnswerOnArrival">Whether the webhook answers its calls (<see cref="CallFlowAttribute.AnswerOnArrival"/>).</param>
internal sealed record CallFlowRegistration(string Name, Type FlowType, CallFlowKind Kind, Type InputType, Type ResultType, CallFlowBase Flow, bool AnswerOnArrival = false);
