namespace CallFlows.Runtime;

/// <summary>How a runtime wait ended.</summary>
internal enum WaitKind
{
    Matched,
    Done,
    TimedOut,
    Ended,
}
