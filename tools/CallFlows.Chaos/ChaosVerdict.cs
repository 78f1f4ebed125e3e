namespace CallFlows.Chaos;

/// <summary>Classification of one call of a chaos run.</summary>
public enum ChaosVerdict
{
    /// <summary>Completed with the expected flow and result.</summary>
    Expected,

    /// <summary>Completed (or failed) with another result: reported, not a loss (e.g. a timer won the race with a retried callback during an outage).</summary>
    Unexpected,

    /// <summary>No orchestration, or the incoming call was never answered/rejected/redirected, or its call connection never ended.</summary>
    Lost,

    /// <summary>The orchestration exists but had not finished at the deadline.</summary>
    Stuck,
}
