namespace CallFlows.LocalHost.Azurite;

/// <summary>How <see cref="AzuriteServer"/> finds, reuses or starts Azurite, the Azure Storage emulator.</summary>
public sealed class AzuriteOptions
{
    /// <summary>Blob service port on 127.0.0.1. Default 10000 (what <c>UseDevelopmentStorage=true</c> means); 0 picks a free port.</summary>
    public int BlobPort { get; set; } = 10000;

    /// <summary>Queue service port on 127.0.0.1. Default 10001; 0 picks a free port.</summary>
    public int QueuePort { get; set; } = 10001;

    /// <summary>Table service port on 127.0.0.1. Default 10002; 0 picks a free port.</summary>
    public int TablePort { get; set; } = 10002;

    /// <summary>
    /// Keep Azurite's data in memory only (<c>--inMemoryPersistence</c>). Default <see langword="false"/>: data goes
    /// to <see cref="Location"/>, so task hubs survive an Azurite restart.
    /// </summary>
    public bool InMemoryPersistence { get; set; }

    /// <summary>
    /// Workspace folder for Azurite's data when <see cref="InMemoryPersistence"/> is off. Default <see langword="null"/>:
    /// a new temporary folder, deleted when the server this process started is stopped.
    /// </summary>
    public string? Location { get; set; }

    /// <summary>
    /// Run the blob, queue and table services as three processes (the package's <c>azurite-blob</c>,
    /// <c>azurite-queue</c> and <c>azurite-table</c>) instead of one. Default <see langword="true"/>: Azurite runs on
    /// Node, one core per process, and under load the durable engine's queue and table traffic saturated a single
    /// process (docs/PERFORMANCE.md). Ignored when <see cref="ExecutablePath"/> is set.
    /// </summary>
    public bool ProcessPerService { get; set; } = true;

    /// <summary>
    /// Load CallFlows' patch for Azurite's LokiJS store into each Azurite process this process starts (<c>node --require</c>
    /// through <c>NODE_OPTIONS</c>). Default <see langword="true"/>: LokiJS rebuilds every index of Azurite's message
    /// collection on each dequeue, which was a fifth of the queue process's CPU under the durable engine's polling; the
    /// patch maintains the indices in place and keeps every result the same (<c>azurite-preload.js</c>,
    /// docs/PERFORMANCE.md). <see langword="false"/> runs Azurite as published. Has no effect on a reused Azurite.
    /// </summary>
    public bool PatchIndexMaintenance { get; set; } = true;

    /// <summary>Path of the <c>azurite</c> executable. Default <see langword="null"/>: <c>node_modules/.bin/azurite</c> in the repository root, found by walking up from the application folder.</summary>
    public string? ExecutablePath { get; set; }

    /// <summary>How long to wait for a started Azurite to listen on all three ports. Default 30 seconds.</summary>
    public TimeSpan StartTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
