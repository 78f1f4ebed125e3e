namespace CallFlows.Benchmarks;

/// <summary>Sizes of one benchmark run. <see cref="Full"/> is the default run (about 9 minutes), <see cref="Quick"/> about two minutes, <see cref="Smoke"/> a handful of calls (harness check, numbers meaningless).</summary>
public sealed record BenchmarkOptions
{
    /// <summary>Gets the default run.</summary>
    public static BenchmarkOptions Full { get; } = new();

    /// <summary>Gets the <c>--quick</c> run: the same sections with short windows and few calls.</summary>
    public static BenchmarkOptions Quick { get; } = new()
    {
        Mode = "quick",
        IdleCalls = 2,
        IdleInterval = TimeSpan.FromSeconds(8),
        SlowRateWindow = TimeSpan.FromSeconds(1),
        FastRateWindow = TimeSpan.FromSeconds(1),
        DrainLimit = TimeSpan.FromSeconds(3),
        ThroughputConcurrency = 10,
        ThroughputWarmUp = TimeSpan.FromSeconds(0.5),
        ThroughputWindow = TimeSpan.FromSeconds(2.5),
        ThroughputWarmUpRound = TimeSpan.FromSeconds(1),
        LongCalls = 1,
        LongCallEvents = 50,
        IvrCalls = 3,
        ParkedCalls = 10,
        WarmUpParkedCalls = 3,
        StorageCalls = 2,
    };

    /// <summary>Gets the smallest run (the smoke test): every section with a handful of calls.</summary>
    public static BenchmarkOptions Smoke { get; } = Quick with
    {
        Mode = "smoke",
        IdleCalls = 1,
        IdleInterval = TimeSpan.FromSeconds(2),
        SlowRate = 2,
        FastRate = 4,
        SlowRateWindow = TimeSpan.FromSeconds(1),
        FastRateWindow = TimeSpan.FromSeconds(1),
        ThroughputConcurrency = 3,
        ThroughputWindow = TimeSpan.FromSeconds(2),
        LongCallEvents = 20,
        IvrCalls = 2,
        ParkedCalls = 4,
        WarmUpParkedCalls = 2,
        ParkingConcurrency = 4,
    };

    /// <summary>Gets the name of the mode, printed with the results. Default <c>full</c>.</summary>
    public string Mode { get; init; } = "full";

    /// <summary>Gets the engine-settings columns to run. Default both: <c>EngineDefaults</c> then <c>HostJson</c>.</summary>
    public IReadOnlyList<CallFlows.LocalHost.EngineSettingsSource> Settings { get; init; } =
        [CallFlows.LocalHost.EngineSettingsSource.EngineDefaults, CallFlows.LocalHost.EngineSettingsSource.HostJson];

    /// <summary>Gets the path of a second host.json measured as a "baseline host.json" column (sections 2 and 5 only), e.g. the shipped one before a change. Default <see langword="null"/>: none.</summary>
    public string? BaselineHostJson { get; init; }

    /// <summary>Gets a value indicating whether section 6 compares Azurite as one process with one process per service. Default <see langword="true"/>.</summary>
    public bool CompareAzuriteLayouts { get; init; } = true;

    /// <summary>Gets how many rounds of section 6 run (each round: one Azurite process, a process per service, a process per service without the index patch). Default 1.</summary>
    public int LayoutRounds { get; init; } = 1;

    /// <summary>Gets a value indicating whether only section 5's per-call storage counts run (no idle, load, step, memory or layout runs), with the last call's requests listed one by one. Default <see langword="false"/>.</summary>
    public bool StorageOnly { get; init; }

    /// <summary>Gets a value indicating whether only section 2's throughput and the latency at <see cref="CapacityFraction"/> of it run (issue 13's latency target, a couple of minutes). Default <see langword="false"/>.</summary>
    public bool CapacityOnly { get; init; }

    /// <summary>Gets how many whole calls per flow are made one at a time to count storage requests per call. Default 5.</summary>
    public int StorageCalls { get; init; } = 5;

    /// <summary>Gets how many calls arrive one by one at an idle app. Default 3.</summary>
    public int IdleCalls { get; init; } = 3;

    /// <summary>Gets the quiet period before each idle-app call. Default 20 s.</summary>
    public TimeSpan IdleInterval { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Gets the fraction of section 2's measured CallFlows capacity offered as a steady arrival rate in section 1 (issue 13's latency target). Default 0.8.</summary>
    public double CapacityFraction { get; init; } = 0.8;

    /// <summary>Gets the lower steady arrival rate in new calls per second. Default 10.</summary>
    public double SlowRate { get; init; } = 10;

    /// <summary>Gets the higher steady arrival rate in new calls per second. Default 50.</summary>
    public double FastRate { get; init; } = 50;

    /// <summary>Gets how long calls arrive at <see cref="SlowRate"/>. Default 10 s.</summary>
    public TimeSpan SlowRateWindow { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Gets how long calls arrive at <see cref="FastRate"/>. Default 6 s.</summary>
    public TimeSpan FastRateWindow { get; init; } = TimeSpan.FromSeconds(6);

    /// <summary>Gets how long a latency run may take to work off its backlog after the arrival window. Default 20 s.</summary>
    public TimeSpan DrainLimit { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Gets the calls kept in flight by the throughput run. Default 40.</summary>
    public int ThroughputConcurrency { get; init; } = 40;

    /// <summary>Gets the throughput run's warm-up before counting. Default 3 s.</summary>
    public TimeSpan ThroughputWarmUp { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>Gets how long each flow's closed loop runs, unmeasured, before section 2 measures either flow (the JIT settles). Default 6 s.</summary>
    public TimeSpan ThroughputWarmUpRound { get; init; } = TimeSpan.FromSeconds(6);

    /// <summary>Gets the throughput run's counting window. Default 10 s.</summary>
    public TimeSpan ThroughputWindow { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Gets how many IVR calls (caller presses 1, the flow holds and rings sales) the DTMF step run places, 0.5 s apart. Default 10.</summary>
    public int IvrCalls { get; init; } = 10;

    /// <summary>Gets how many long calls (and as many short ones) the step-latency run makes. Default 2.</summary>
    public int LongCalls { get; init; } = 2;

    /// <summary>Gets the event index of the measured step in a long call. Default 500.</summary>
    public int LongCallEvents { get; init; } = 500;

    /// <summary>Gets the event index of the measured step in a short call. Default 10.</summary>
    public int ShortCallEvents { get; init; } = 10;

    /// <summary>Gets the roster updates per second sent into each long call. Default 50.</summary>
    public double RosterUpdatesPerSecond { get; init; } = 50;

    /// <summary>Gets the calls parked for the memory run. Default 200.</summary>
    public int ParkedCalls { get; init; } = 200;

    /// <summary>Gets the calls parked before the memory baseline (so JIT, pools and caches are warm). Default 10.</summary>
    public int WarmUpParkedCalls { get; init; } = 10;

    /// <summary>Gets how many calls the memory run keeps between placed and parked. Default 10.</summary>
    public int ParkingConcurrency { get; init; } = 10;
}
