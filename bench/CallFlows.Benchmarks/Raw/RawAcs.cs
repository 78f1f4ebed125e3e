using CallFlows.CallAutomation;

namespace CallFlows.Benchmarks.Raw;

/// <summary>The raw flow's dependencies: its own ACS client (its own emulator), callback token validator and agent.</summary>
/// <param name="Client">Call Automation client of the raw flow's emulator.</param>
/// <param name="Validator">Validates the callback JWTs of that emulator.</param>
/// <param name="AgentRawId">The agent every raw call invites.</param>
/// <param name="BaseUrl">The host's base URL (callbacks go to <c>{BaseUrl}raw/callbacks/{instanceId}</c>).</param>
internal sealed record RawAcs(CallAutomationClient Client, CallbackTokenValidator Validator, string AgentRawId, Uri BaseUrl);
