namespace CallFlows.Runtime.Admission;

/// <summary>What the Event Grid webhook does with an incoming call beyond the instance's admission limits.</summary>
public enum AdmissionOverloadAction
{
    /// <summary>
    /// Reject the call as busy at once (the caller hears busy and may call again) and answer the delivery 200: nothing
    /// rings out. The default.
    /// </summary>
    RejectBusy,

    /// <summary>
    /// Answer the delivery 429/503 with <c>Retry-After</c> so Event Grid delivers it again later. Real Event Grid waits
    /// about 10 s, then 30 s, then 1 minute before its retries and ignores <c>Retry-After</c>, so a deferred caller rings
    /// at least 10 s longer and may ring out; use it only where a ring longer than that is acceptable.
    /// </summary>
    Defer,
}
