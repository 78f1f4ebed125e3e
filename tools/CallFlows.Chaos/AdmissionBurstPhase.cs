namespace CallFlows.Chaos;

/// <summary>One burst of an admission run and how the hosts' admission control split it.</summary>
/// <param name="Name">What the burst went to ("one host", "3 hosts").</param>
/// <param name="Placed">Calls placed at once.</param>
/// <param name="Answered">Calls admitted (answered on arrival by a webhook).</param>
/// <param name="RejectedBusy">Calls rejected as busy by admission control.</param>
/// <param name="RangOut">Calls neither answered nor rejected within the ring time (must be 0).</param>
/// <param name="StartedPerHost">Per host slot: orchestration instances its webhook created during the burst.</param>
/// <param name="Spread">From the first call placed until the last one stopped ringing (each host's bucket refills during it).</param>
public sealed record AdmissionBurstPhase(
    string Name, int Placed, int Answered, int RejectedBusy, int RangOut, IReadOnlyList<long> StartedPerHost, TimeSpan Spread);
