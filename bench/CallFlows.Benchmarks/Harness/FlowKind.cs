namespace CallFlows.Benchmarks.Harness;

/// <summary>Which implementation of the inbound reference flow handles a call.</summary>
internal enum FlowKind
{
    /// <summary>The shipped CallFlows <c>InboundRouting</c> flow (typed runtime), through the app's own webhook and callback endpoint.</summary>
    CallFlows,

    /// <summary>The same flow on the raw Durable Task SDK (<c>RawInboundFlow</c>), in the same host, with its own emulator.</summary>
    Raw,
}
