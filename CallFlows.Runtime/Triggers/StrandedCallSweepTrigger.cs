using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace CallFlows.Runtime.Triggers;

/// <summary>
/// Timer adapter: ends calls left connected by terminated or failed instances (<see cref="StrandedCallSweep"/>). The
/// schedule is the app setting <c>CallFlows:StrandedCallSweep:Schedule</c> (<c>CallFlows__StrandedCallSweep__Schedule</c>;
/// NCRONTAB with seconds such as <c>0 */1 * * * *</c>, or a TimeSpan); <c>CallFlows:StrandedCallSweep:Enabled=false</c>
/// turns the sweep off.
/// </summary>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public static class StrandedCallSweepTrigger
{
    /// <summary>The function name.</summary>
    public const string FunctionName = "StrandedCallSweep";

    /// <summary>The app setting holding the schedule.</summary>
    public const string ScheduleSetting = "CallFlows:StrandedCallSweep:Schedule";

    /// <summary>The schedule used when the setting is absent on the local host (every minute).</summary>
    public const string DefaultSchedule = "0 */1 * * * *";

    /// <summary>Runs one sweep.</summary>
    /// <param name="timer">The timer's schedule information.</param>
    /// <param name="client">The durable client.</param>
    /// <param name="context">The function context (its services).</param>
    /// <param name="cancellationToken">Cancels the sweep.</param>
    /// <returns>A task that completes when the sweep has run.</returns>
    [Function(FunctionName)]
    public static async Task RunAsync(
        [TimerTrigger("%" + ScheduleSetting + "%")] TimerInfo timer,
        [DurableClient] DurableTaskClient client,
        FunctionContext context,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        await context.InstanceServices.GetRequiredService<StrandedCallSweep>().RunAsync(client, cancellationToken);
    }
}
