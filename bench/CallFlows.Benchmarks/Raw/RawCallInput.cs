namespace CallFlows.Benchmarks.Raw;

/// <summary>Input of <see cref="RawInboundFlow"/>: what the raw webhook read from the IncomingCall event.</summary>
/// <param name="IncomingCallContext">The context to answer with.</param>
/// <param name="CallerRawId">The caller's raw id.</param>
/// <param name="AgentRawId">The agent to invite.</param>
/// <param name="CallbackUri">Where ACS posts this call's events.</param>
internal sealed record RawCallInput(string IncomingCallContext, string? CallerRawId, string AgentRawId, string CallbackUri);
