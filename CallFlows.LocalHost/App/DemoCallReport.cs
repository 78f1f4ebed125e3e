
namespace CallFlows.LocalHost.App;

/// <summary>How one demo call went.</summary>
/// <param name="Scenario">The scenario.</param>
/// <param name="InstanceId">The flow instance id (null when the call could not be placed).</param>
/// <param name="Status">The last <c>GET /api/calls/{id}</c> answer (null when never read).</param>
/// <param name="Error">Why the call could not be placed or followed, if so.</param>
public sealed record DemoCallReport(
    DemoScenario Scenario,
    string? InstanceId,
    CallStatusResponse? Status,
    string? Error)
{
    /// <summary>Gets a value indicating whether the call ended with the expected flow and result.</summary>
    public bool Passed =>
        this.Error is null
        && this.Status is { RuntimeStatus: "Completed", Outcome: { } outcome }
        && string.Equals(this.Status.Flow, this.Scenario.ExpectedFlow, StringComparison.Ordinal)
        && string.Equals(outcome.Result, this.Scenario.ExpectedResult, StringComparison.Ordinal);

    /// <summary>Gets the call's timeline: events and actions of the custom status, oldest first, in ms since the instance was created.</summary>
    public IReadOnlyList<(long Milliseconds, string Kind, string Name, string? Detail)> Timeline
    {
        get
        {
            if (this.Status?.Status is not { } status)
            {
                return [];
            }

            DateTime origin = this.Status.CreatedAt.UtcDateTime;
            return status.Actions.Select(a => (a, "action"))
                .Concat(status.Events.Select(e => (e, "event")))
                .OrderBy(x => x.Item1.Time)
                .ThenBy(x => x.Item2 == "event" ? 1 : 0)
                .Select(x => ((long)(DateTime.SpecifyKind(x.Item1.Time, DateTimeKind.Utc) - origin).TotalMilliseconds, x.Item2, x.Item1.Name, x.Item1.Detail))
                .ToList();
        }
    }
}
