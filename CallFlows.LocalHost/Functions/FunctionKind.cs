namespace CallFlows.LocalHost.Functions;

/// <summary>The trigger kinds the local host runs.</summary>
internal enum FunctionKind
{
    Orchestrator,
    Activity,
    Http,
    Timer,
}
