namespace CallFlows.Tests.Resilience;

/// <summary>The system clock, shifted by <see cref="Offset"/> for reads of the current time only (timers run in real time).</summary>
internal sealed class ShiftedTimeProvider : TimeProvider
{
    public TimeSpan Offset { get; set; }

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + this.Offset;
}
