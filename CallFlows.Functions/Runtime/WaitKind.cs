namespace CallFlows.Functions.Runtime;

/// <summary>How a runtime wait ended.</summary>
internal enum WaitKind
{
    Matched,
    Done,
    TimedOut,
    Disconnected,
}
