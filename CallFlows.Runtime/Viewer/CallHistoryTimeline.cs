using System.Text.Json;
using DurableTask.Core;
using DurableTask.Core.History;

namespace CallFlows.Runtime.Viewer;

/// <summary>
/// Turns an orchestration's history into the call's merged timeline: each call action (activity) with how its request
/// ended, each ACS callback event with its result code, fired timers, sub-flows and the end of the flow; and the
/// participants over time from the <c>ParticipantsUpdated</c> events.
/// </summary>
internal static class CallHistoryTimeline
{
    public static (List<CallTimelineEntry> Timeline, List<ParticipantsSnapshot> Participants) Build(IEnumerable<HistoryEvent> history)
    {
        var timeline = new List<CallTimelineEntry>();
        var participants = new List<ParticipantsSnapshot>();
        var scheduled = new Dictionary<int, int>();
        foreach (HistoryEvent e in history)
        {
            DateTimeOffset time = Utc(e.Timestamp);
            switch (e)
            {
                case ExecutionStartedEvent started:
                    timeline.Add(new CallTimelineEntry(time, CallTimelineKind.Flow, started.Name ?? "Flow", "Started"));
                    AddAnswerOnArrival(timeline, time, started);
                    break;
                case TaskScheduledEvent task:
                    JsonElement? input = ViewerJson.Parse(task.Input);
                    scheduled[task.EventId] = timeline.Count;
                    timeline.Add(new CallTimelineEntry(time, CallTimelineKind.Action, task.Name ?? "Activity", "Pending")
                    {
                        OperationContext = ViewerJson.String(input, "Identity", "OperationContext") ?? ViewerJson.String(input, "OperationContext"),
                        CallConnectionId = ViewerJson.String(input, "CallConnectionId"),
                    });
                    break;
                case TaskCompletedEvent completed when scheduled.TryGetValue(completed.TaskScheduledId, out int index):
                    timeline[index] = Completed(timeline[index], time, ViewerJson.Parse(completed.Result));
                    break;
                case TaskFailedEvent failed when scheduled.TryGetValue(failed.TaskScheduledId, out int index):
                    string message = failed.FailureDetails?.ErrorMessage ?? failed.Reason ?? "The call action failed.";
                    timeline[index] = timeline[index] with { Status = "Failed", CompletedAt = time, Message = message };
                    break;
                case EventRaisedEvent raised when raised.Name == CallFlowEvents.CallbackEventName:
                    AddCallback(timeline, participants, time, raised.Input);
                    break;
                case EventRaisedEvent raised:
                    timeline.Add(new CallTimelineEntry(time, CallTimelineKind.Event, raised.Name ?? "Event", "Received"));
                    break;
                case SubOrchestrationInstanceCreatedEvent sub:
                    scheduled[sub.EventId] = timeline.Count;
                    timeline.Add(new CallTimelineEntry(time, CallTimelineKind.Flow, sub.Name ?? "Sub-flow", "Pending") { OperationContext = sub.InstanceId });
                    break;
                case SubOrchestrationInstanceCompletedEvent subDone when scheduled.TryGetValue(subDone.TaskScheduledId, out int index):
                    timeline[index] = timeline[index] with { Status = "Succeeded", CompletedAt = time };
                    break;
                case SubOrchestrationInstanceFailedEvent subFailed when scheduled.TryGetValue(subFailed.TaskScheduledId, out int index):
                    timeline[index] = timeline[index] with
                    {
                        Status = "Failed",
                        CompletedAt = time,
                        Message = subFailed.FailureDetails?.ErrorMessage ?? subFailed.Reason,
                    };
                    break;
                case ExecutionCompletedEvent done:
                    AddCompletion(timeline, participants, time, done);
                    break;
                case ExecutionTerminatedEvent terminated:
                    timeline.Add(new CallTimelineEntry(time, CallTimelineKind.Flow, "Terminated", "Terminated") { Message = ViewerJson.Parse(terminated.Input)?.ToString() });
                    break;
                case ExecutionSuspendedEvent:
                    timeline.Add(new CallTimelineEntry(time, CallTimelineKind.Flow, "Suspended", "Suspended"));
                    break;
                case ExecutionResumedEvent:
                    timeline.Add(new CallTimelineEntry(time, CallTimelineKind.Flow, "Resumed", "Running"));
                    break;
            }
        }

        // The webhook's answer succeeded or failed as the CallConnected or AnswerFailed with its operation context says.
        int arrival = timeline.FindIndex(t => t.Kind == CallTimelineKind.Action && t.Status == "Sent" && t.Name == CallActionNames.AnswerCall);
        if (arrival >= 0 && timeline.Find(t => t.Kind == CallTimelineKind.Event && t.OperationContext == timeline[arrival].OperationContext
            && t.Name is "CallConnected" or "AnswerFailed") is { } outcome)
        {
            timeline[arrival] = timeline[arrival] with { Status = outcome.Name == "CallConnected" ? "Succeeded" : "Failed", CompletedAt = outcome.Time };
        }

        // Stable by time: events raised between episodes interleave with the actions they answer.
        return (timeline.Select((entry, i) => (entry, i)).OrderBy(x => x.entry.Time).ThenBy(x => x.i).Select(x => x.entry).ToList(), participants);
    }

    /// <summary>The fallback when no history is available: the last entries kept in the custom status.</summary>
    public static List<CallTimelineEntry> FromStatus(CallFlowStatus? status, CallFlowOutcome? outcome)
    {
        var timeline = new List<CallTimelineEntry>();
        if (status is not null)
        {
            timeline.AddRange(status.Actions.Select(a => new CallTimelineEntry(Utc(a.Time), CallTimelineKind.Action, a.Name, a.Detail)));
            timeline.AddRange(status.Events.Select(e => new CallTimelineEntry(Utc(e.Time), CallTimelineKind.Event, e.Name, "Received") { OperationContext = e.Detail }));
        }

        if (outcome is not null)
        {
            timeline.Add(new CallTimelineEntry(Utc(outcome.CompletedAt), CallTimelineKind.Flow, outcome.Result, outcome.Succeeded ? "Succeeded" : "Failed")
            {
                ResultCode = outcome.ResultCode,
                ResultSubCode = outcome.ResultSubCode,
                Message = outcome.Detail,
                CallConnectionId = outcome.CallConnectionId,
            });
        }

        return timeline.OrderBy(e => e.Time).ToList();
    }

    static void AddCallback(List<CallTimelineEntry> timeline, List<ParticipantsSnapshot> participants, DateTimeOffset time, string? input)
    {
        JsonElement? envelope = ViewerJson.Parse(input);
        string type = ViewerJson.String(envelope, "EventType") ?? "Callback";
        const string prefix = "Microsoft.Communication.";
        string name = type.StartsWith(prefix, StringComparison.Ordinal) ? type[prefix.Length..] : type;
        JsonElement? data = ViewerJson.Get(envelope, "Data") is { ValueKind: JsonValueKind.String } text ? ViewerJson.Parse(text.GetString()) : ViewerJson.Get(envelope, "Data");
        string? callConnectionId = ViewerJson.String(envelope, "CallConnectionId");
        timeline.Add(new CallTimelineEntry(time, CallTimelineKind.Event, name, EventStatus(name))
        {
            ResultCode = ViewerJson.Int(data, "resultInformation", "code"),
            ResultSubCode = ViewerJson.Int(data, "resultInformation", "subCode"),
            Message = ViewerJson.String(data, "resultInformation", "message"),
            OperationContext = ViewerJson.String(envelope, "OperationContext"),
            CallConnectionId = callConnectionId,
        });

        if (name == "ParticipantsUpdated" && ViewerJson.Get(data, "participants") is { ValueKind: JsonValueKind.Array } roster)
        {
            participants.Add(new ParticipantsSnapshot(
                time,
                roster.EnumerateArray().Select(p => ViewerJson.RawId(ViewerJson.Get(p, "identifier")) ?? ViewerJson.RawId(p)).OfType<string>().ToList(),
                callConnectionId));
        }
    }

    static void AddCompletion(List<CallTimelineEntry> timeline, List<ParticipantsSnapshot> participants, DateTimeOffset time, ExecutionCompletedEvent done)
    {
        JsonElement? output = ViewerJson.Parse(done.Result);
        bool failed = done.OrchestrationStatus != OrchestrationStatus.Completed;
        string name = ViewerJson.String(output, "Result") ?? done.OrchestrationStatus.ToString();
        bool? succeeded = ViewerJson.Bool(output, "Succeeded");
        timeline.Add(new CallTimelineEntry(time, CallTimelineKind.Flow, name, failed ? done.OrchestrationStatus.ToString() : succeeded == false ? "Failed" : "Succeeded")
        {
            ResultCode = ViewerJson.Int(output, "ResultCode"),
            ResultSubCode = ViewerJson.Int(output, "ResultSubCode"),
            Message = failed ? done.FailureDetails?.ErrorMessage ?? done.Result : ViewerJson.String(output, "Detail"),
            CallConnectionId = ViewerJson.String(output, "CallConnectionId"),
        });

        if (ViewerJson.Get(output, "Participants") is { ValueKind: JsonValueKind.Array } final)
        {
            participants.Add(new ParticipantsSnapshot(time, final.EnumerateArray().Select(p => ViewerJson.RawId(p)).OfType<string>().ToList(),
                ViewerJson.String(output, "CallConnectionId")));
        }
    }

    static string? EventStatus(string name) =>
        name.EndsWith("Failed", StringComparison.Ordinal) ? "Failed"
        : name.EndsWith("Canceled", StringComparison.Ordinal) || name.EndsWith("Cancelled", StringComparison.Ordinal) ? "Canceled"
        : name.EndsWith("Succeeded", StringComparison.Ordinal) || name is "CallConnected" or "AddParticipantSucceeded" ? "Succeeded"
        : name is "CallDisconnected" ? "Disconnected"
        : "Received";

    // A refused call action's failure message starts with "HTTP <status>" (CallActionRejectedException).
    /// <summary>
    /// A call action's line once its activity returned: every call action returns a <see cref="CallActionOutput"/> whose
    /// <c>Failure</c> carries a refusal as data (HTTP status, ACS error code), so the line reads it instead of the
    /// activity's completion alone.
    /// </summary>
    /// <summary>
    /// The answer the webhook sent on the flow's behalf (history version 1): no activity records it, so it is shown from
    /// the input, with the operation context its <c>CallConnected</c> carries.
    /// </summary>
    static void AddAnswerOnArrival(List<CallTimelineEntry> timeline, DateTimeOffset time, ExecutionStartedEvent started)
    {
        JsonElement? input = ViewerJson.Parse(started.Input);
        if ((ViewerJson.Int(input, "HistoryVersion") ?? 0) < 1
            || ViewerJson.String(input, "AnsweredOnArrivalAt") is not { } sent
            || !DateTimeOffset.TryParse(sent, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out DateTimeOffset answeredAt)
            || started.OrchestrationInstance?.InstanceId is not { } instanceId)
        {
            return;
        }

        timeline.Add(new CallTimelineEntry(time, CallTimelineKind.Action, CallActionNames.AnswerCall, "Sent")
        {
            OperationContext = CallActionIdentity.ForAnswerOnArrival(instanceId, answeredAt, null).OperationContext,
            Message = "Sent by the webhook when the call arrived.",
        });
    }

    static CallTimelineEntry Completed(CallTimelineEntry entry, DateTimeOffset time, JsonElement? output)
    {
        JsonElement? failure = ViewerJson.Get(output, "Failure");
        if (failure is not { ValueKind: JsonValueKind.Object })
        {
            return entry with { Status = "Succeeded", CompletedAt = time };
        }

        return entry with
        {
            Status = "Failed",
            CompletedAt = time,
            Message = ViewerJson.String(failure, "Message"),
            ResultCode = ViewerJson.Int(failure, "HttpStatus") ?? ViewerJson.Int(failure, "ResultCode"),
            ResultSubCode = ViewerJson.Int(failure, "SubCode"),
        };
    }

    internal static DateTimeOffset Utc(DateTime time) =>
        new(time.Kind == DateTimeKind.Local ? time.ToUniversalTime() : DateTime.SpecifyKind(time, DateTimeKind.Utc));
}
