namespace CallFlows.Chaos;

/// <summary>What an admission burst across instances does. Every property states its default.</summary>
public sealed class AdmissionBurstOptions
{
    /// <summary>Host processes on the task hub behind the balancer. Default 3.</summary>
    public int Hosts { get; set; } = 3;

    /// <summary>Calls placed at once in each of the two bursts (one host, then all hosts). Default 45.</summary>
    public int CallsPerBurst { get; set; } = 45;

    /// <summary>Each host's <c>CallFlows:Admission:MaxStartsPerSecond</c>. Default 1.</summary>
    public int MaxStartsPerSecond { get; set; } = 1;

    /// <summary>Each host's <c>CallFlows:Admission:MaxBurst</c> (token bucket size). Default 5.</summary>
    public int MaxBurst { get; set; } = 5;

    /// <summary>How long an incoming call rings before it ends <c>NotAnswered</c> (rung out). Default 10 s.</summary>
    public TimeSpan RingTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Where host logs go. Default <see langword="null"/>: a new temporary folder.</summary>
    public string? OutputDirectory { get; set; }

    /// <summary>Write progress lines. Default <see langword="true"/>.</summary>
    public bool Verbose { get; set; } = true;
}
