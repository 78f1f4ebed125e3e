using System.Text.Json;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Converters;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CallFlows.Testing.Orchestrations;

/// <summary>How an <see cref="OrchestrationDriver"/> runs an orchestrator.</summary>
public sealed class OrchestrationDriverOptions
{
    /// <summary>The instance id the orchestrator sees. Default <see langword="null"/>: <c>test-</c> followed by the orchestrator name.</summary>
    public string? InstanceId { get; set; }

    /// <summary>The virtual time at which the run starts (UTC). Default 2030-01-01T00:00:00Z.</summary>
    public DateTime StartTime { get; set; } = new(2030, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>
    /// Inputs, outputs, event payloads and custom status go through this converter, as they do through history on the
    /// real engine. Default: System.Text.Json with case-insensitive property names (the Functions isolated worker's default).
    /// </summary>
    public DataConverter DataConverter { get; set; } = new JsonDataConverter(new JsonSerializerOptions { PropertyNameCaseInsensitive = true });

    /// <summary>
    /// Whether the orchestrator is run a second time against the first run's history, failing with
    /// <see cref="NondeterministicOrchestrationException"/> when it schedules different actions. Default <see langword="true"/>.
    /// </summary>
    public bool CheckReplay { get; set; } = true;

    /// <summary>The logger factory behind <see cref="TaskOrchestrationContext.CreateReplaySafeLogger(string)"/>. Default: no logging.</summary>
    public ILoggerFactory LoggerFactory { get; set; } = NullLoggerFactory.Instance;

    /// <summary>Longer timers are split into timers of at most this length, as the Durable Task worker does. Default 3 days.</summary>
    public TimeSpan MaximumTimerInterval { get; set; } = TimeSpan.FromDays(3);

    /// <summary>A run that has not ended after this much virtual time fails with <see cref="OrchestrationTestException"/>. Default 31 days.</summary>
    public TimeSpan MaxVirtualDuration { get; set; } = TimeSpan.FromDays(31);

    /// <summary>A run that needs more deliveries (activity results, timer firings, events) fails with <see cref="OrchestrationTestException"/>. Default 100,000.</summary>
    public int MaxDeliveries { get; set; } = 100_000;

    /// <summary>A run that continues as new more often fails with <see cref="OrchestrationTestException"/>. Default 100.</summary>
    public int MaxGenerations { get; set; } = 100;
}
