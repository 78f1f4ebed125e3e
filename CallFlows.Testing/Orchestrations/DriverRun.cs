using System.Globalization;
using System.Text;
using Microsoft.DurableTask;
using CoreFailureDetails = DurableTask.Core.FailureDetails;

namespace CallFlows.Testing.Orchestrations;

/// <summary>
/// One run of an orchestrator on virtual time: the loop that starts each execution, hands it activity results, timer
/// firings and events in virtual-time order, and ends when the orchestrator returns, throws or is stuck. In replay mode
/// it hands over the deliveries of a recorded run instead and checks every action against that run's actions.
/// </summary>
internal sealed class DriverRun
{
    private readonly string _name;
    private readonly string _instanceId;
    private readonly Func<TaskOrchestrationContext, Task<object?>> _orchestrator;
    private readonly ScriptedHandlers _handlers;
    private readonly string? _serializedInput;
    private readonly IReadOnlyList<RecordedGeneration>? _replayOf;
    private readonly OrchestrationRun? _replayRun;
    private readonly PriorityQueue<Delivery, (TimeSpan Due, long Sequence)> _queue = new();
    private readonly List<PendingCall> _toDispatch = [];
    private readonly List<RecordedGeneration> _history = [];
    private readonly int _threadId = Environment.CurrentManagedThreadId;
    private readonly InlineTaskScheduler _scheduler;
    private long _sequence;
    private int _replayIndex;
    private int _replayActionIndex;
    private VirtualOrchestrationContext _context = null!;
    private Task<object?> _execution = null!;
    private string? _escape;
    private NondeterministicOrchestrationException? _divergence;

    public DriverRun(OrchestrationDriverOptions options, string name, Func<TaskOrchestrationContext, Task<object?>> orchestrator, ScriptedHandlers handlers, string? serializedInput, OrchestrationRun? replayRun = null, IReadOnlyList<RecordedGeneration>? replayOf = null)
    {
        Options = options;
        _name = name;
        _instanceId = options.InstanceId ?? "test-" + name;
        _orchestrator = orchestrator;
        _handlers = handlers;
        _serializedInput = serializedInput;
        _replayRun = replayRun;
        _replayOf = replayOf;
        _scheduler = new InlineTaskScheduler(_threadId, OnForeignContinuation);
        Record = new OrchestrationRun(name, _instanceId, options.StartTime);
    }

    public OrchestrationDriverOptions Options { get; }

    public OrchestrationRun Record { get; }

    public IReadOnlyList<RecordedGeneration> History => _history;

    public TimeSpan Now { get; private set; }

    public DateTime Clock => Options.StartTime + Now;

    public bool IsReplaying { get; private set; }

    private bool Replaying => _replayOf is not null;

    /// <summary>Runs to the end; returns the record, throws <see cref="OrchestrationTestException"/> when it cannot end.</summary>
    public OrchestrationRun Execute()
    {
        // Continuations must not be posted to a test framework's synchronization context: they run inline, here.
        var previous = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(null);
        try
        {
            ExecuteCore();
            return Record;
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(previous);
        }
    }

    public void EnsureOrchestratorThread()
    {
        if (Environment.CurrentManagedThreadId != _threadId)
        {
            _escape ??= "orchestrator code called the orchestration context from another thread";
            throw new InvalidOperationException(
                $"Orchestrator {_name} used its orchestration context from a thread other than the orchestration's: orchestrator code must not use "
                + "Task.Run, Task.Delay, I/O or ConfigureAwait(false); use the context's timers, activities and events instead.");
        }
    }

    public void OnAction(ScheduledAction action)
    {
        Record.ActionList.Add(action);
        if (!Replaying || _divergence is not null)
        {
            return;
        }

        var expected = _replayRun!.Actions.Where(a => a.Generation == action.Generation).ElementAtOrDefault(_replayActionIndex++);
        if (expected is null || !expected.SameAs(action))
        {
            _divergence = Diverged(expected, action);
        }
    }

    public void OnTaskScheduled(VirtualOrchestrationContext context, int taskId, string name, bool isSubOrchestration, int attempt, string? serializedInput)
    {
        var recorded = new RecordedActivity(context.Generation, taskId, name, isSubOrchestration, attempt, serializedInput, Now);
        Record.ActivityList.Add(recorded);
        if (!Replaying)
        {
            _toDispatch.Add(new PendingCall(context.Generation, taskId, name, isSubOrchestration, attempt, serializedInput, recorded));
        }
    }

    /// <summary>Registers a timer; returns what to do when it is cancelled.</summary>
    public Action OnTimerCreated(VirtualOrchestrationContext context, int taskId, DateTime fireAt)
    {
        var due = fireAt - Options.StartTime;
        var recorded = new RecordedTimer(context.Generation, taskId, Now, due);
        Record.TimerList.Add(recorded);
        Delivery? delivery = null;
        if (!Replaying)
        {
            // A timer due in the past fires at the next opportunity, as on the engine.
            delivery = new Delivery { Kind = DeliveryKind.TimerFired, Generation = context.Generation, Due = due < Now ? Now : due, TaskId = taskId };
            Enqueue(delivery);
        }

        return () =>
        {
            delivery?.Cancelled = true;
            recorded.Outcome = TimerOutcome.Cancelled;
            recorded.EndedAt = Now;
        };
    }

    public void RaiseSelfEvent(string name, string? payload)
    {
        if (!Replaying)
        {
            Enqueue(new Delivery { Kind = DeliveryKind.Event, Generation = _context.Generation, Due = Now, EventName = name, Payload = payload });
        }
    }

    public void OnCustomStatus(string? serialized)
    {
        if (Record.StatusList.Count == 0 || !string.Equals(Record.StatusList[^1].SerializedStatus, serialized, StringComparison.Ordinal))
        {
            Record.StatusList.Add(new RecordedStatus(Now, serialized));
        }
    }

    /// <summary>Schedules an event before the run starts (first run only).</summary>
    public void ScheduleEvent(TimeSpan at, string name, string? payload) =>
        Enqueue(new Delivery { Kind = DeliveryKind.Event, Generation = 0, Due = at, EventName = name, Payload = payload });

    /// <summary>Schedules scripted work before the run starts (first run only).</summary>
    public void ScheduleWork(TimeSpan at, Action<ScriptContext> work) =>
        Enqueue(new Delivery { Kind = DeliveryKind.Work, Generation = 0, Due = at, Work = work });

    private void ExecuteCore()
    {
        var generation = 0;
        var deliveries = 0;
        IsReplaying = Replaying && _replayOf![0].Deliveries.Count > 0;
        StartExecution(generation, _serializedInput, []);
        while (true)
        {
            ThrowIfBroken();
            if (_execution.IsCompleted)
            {
                if (_execution.IsCompletedSuccessfully && _context.ContinueAsNewRequest is { } next)
                {
                    generation++;
                    if (generation >= Options.MaxGenerations)
                    {
                        throw Failure($"{_name} continued as new {generation} times, the most {nameof(OrchestrationDriverOptions.MaxGenerations)} allows.");
                    }

                    var carried = next.PreserveEvents ? _context.TakeBufferedEvents().ToList() : [];
                    Record.Generations = generation + 1;
                    if (Replaying && generation >= _replayOf!.Count)
                    {
                        throw Diverged(null, Record.Actions[^1]);
                    }

                    StartExecution(generation, next.SerializedInput, carried);
                    continue;
                }

                Finish();
                return;
            }

            var delivery = Next();
            if (delivery is null)
            {
                if (Replaying)
                {
                    throw Diverged(_replayRun!.Actions.Where(a => a.Generation == _context.Generation).ElementAtOrDefault(_replayActionIndex), null,
                        "the replay received every recorded delivery but did not end where the first run ended");
                }

                throw Stuck();
            }

            if (++deliveries > Options.MaxDeliveries)
            {
                throw Failure($"{_name} needed more than {Options.MaxDeliveries} deliveries (activity results, timer firings, events) without ending.");
            }

            if (delivery.Due > Options.MaxVirtualDuration)
            {
                throw Failure($"{_name} had not ended after {VirtualTime.Format(Options.MaxVirtualDuration)} of virtual time "
                    + $"(next: {Describe(delivery)} at {VirtualTime.Format(delivery.Due)}).");
            }

            if (delivery.Due > Now)
            {
                Now = delivery.Due;
            }

            Deliver(delivery);
            Dispatch();
        }
    }

    private void StartExecution(int generation, string? serializedInput, IReadOnlyList<RecordedEvent> carried)
    {
        _context = new VirtualOrchestrationContext(this, new TaskName(_name), _instanceId, generation, serializedInput);
        _replayIndex = 0;
        _replayActionIndex = 0;
        if (!Replaying)
        {
            _history.Add(new RecordedGeneration(serializedInput));

            // Events a continue-as-new preserved arrive first in the new execution, as the worker re-sends them.
            foreach (var raised in carried)
            {
                Enqueue(new Delivery { Kind = DeliveryKind.Event, Generation = generation, Due = Now, EventName = raised.Name, Payload = raised.SerializedPayload });
            }
        }
        else if (_replayOf![generation].SerializedInput != serializedInput)
        {
            throw Diverged(null, null, $"the replay continued as new with input {serializedInput ?? "none"}, the first run with {_replayOf[generation].SerializedInput ?? "none"}");
        }

        var context = _context;
        _execution = Task.Factory.StartNew(() => _orchestrator(context), CancellationToken.None, TaskCreationOptions.None, _scheduler).Unwrap();
        Dispatch();
    }

    private Delivery? Next()
    {
        if (Replaying)
        {
            var recorded = _replayOf![_context.Generation].Deliveries;
            if (_replayIndex >= recorded.Count)
            {
                return null;
            }

            var delivery = recorded[_replayIndex++];
            IsReplaying = _replayIndex < recorded.Count || _context.Generation < _replayOf.Count - 1;
            return delivery;
        }

        while (_queue.TryDequeue(out var delivery, out _))
        {
            var stale = delivery.Kind is DeliveryKind.TaskResult or DeliveryKind.TimerFired && delivery.Generation != _context.Generation;
            if (!delivery.Cancelled && !stale)
            {
                return delivery;
            }
        }

        return null;
    }

    private void Deliver(Delivery delivery)
    {
        if (delivery.Kind == DeliveryKind.Work)
        {
            var script = new ScriptContext(Clock, Now, Options.DataConverter);
            delivery.Work!(script);
            EnqueueScripted(script, delivery.Generation);
            return;
        }

        if (!Replaying)
        {
            _history[_context.Generation].Deliveries.Add(delivery);
        }

        switch (delivery.Kind)
        {
            case DeliveryKind.TaskResult:
                var activity = Record.ActivityList.LastOrDefault(a => a.Generation == _context.Generation && a.TaskId == delivery.TaskId);
                if (Replaying && activity is null)
                {
                    throw Diverged(null, null, $"the first run received the result of task #{delivery.TaskId} at {At(delivery.Due)}, which the replay never scheduled");
                }

                if (activity is not null)
                {
                    activity.CompletedAt = Now;
                    activity.SerializedOutput = delivery.Payload;
                    activity.Failure = delivery.Failure is null ? null : FailureDetailsConversion.FromCore(delivery.Failure);
                }

                _context.CompleteTask(delivery.TaskId, delivery.Payload, delivery.Failure);
                break;
            case DeliveryKind.TimerFired:
                var timer = Record.TimerList.LastOrDefault(t => t.Generation == _context.Generation && t.TaskId == delivery.TaskId);
                if (Replaying && timer is null)
                {
                    throw Diverged(null, null, $"the first run's timer #{delivery.TaskId} fired at {At(delivery.Due)}, but the replay never created it");
                }

                if (timer is not null && timer.Outcome == TimerOutcome.Pending)
                {
                    timer.Outcome = TimerOutcome.Fired;
                    timer.EndedAt = Now;
                }

                _context.FireTimer(delivery.TaskId);
                break;
            default:
                var raised = new RecordedEvent(_context.Generation, delivery.EventName!, delivery.Payload, Now);
                Record.EventList.Add(raised);
                _context.RaiseEvent(raised);
                break;
        }
    }

    /// <summary>Calls the handlers of the activities the orchestrator scheduled since the last delivery (first run only).</summary>
    private void Dispatch()
    {
        if (Replaying || _toDispatch.Count == 0)
        {
            return;
        }

        var calls = _toDispatch.ToList();
        _toDispatch.Clear();
        foreach (var call in calls)
        {
            var activityCall = new ActivityCall(call.Name, call.IsSubOrchestration, call.TaskId, call.Attempt, call.SerializedInput, Clock, Now, Options.DataConverter);
            var handler = _handlers.Find(call.Name, call.IsSubOrchestration)
                ?? throw Failure($"{_name} called {(call.IsSubOrchestration ? "sub-orchestration" : "activity")} '{call.Name}' (input {call.SerializedInput ?? "none"}) "
                    + $"at {At(Now)}, which the test does not script: register a handler with "
                    + (call.IsSubOrchestration ? nameof(OrchestrationDriver.OnSubOrchestration) : nameof(OrchestrationDriver.OnActivity)) + ".");
            ActivityResult result;
            try
            {
                result = handler(activityCall);
            }
            catch (Exception exception) when (exception is not OrchestrationTestException)
            {
                // A handler that throws is an activity that throws.
                result = ActivityResult.Failed(exception);
            }

            string? output = null;
            if (result.Failure is null && result.Output is { } value)
            {
                output = Options.DataConverter.Serialize(value);
            }

            var due = Now + result.Duration;
            Enqueue(new Delivery { Kind = DeliveryKind.TaskResult, Generation = call.Generation, Due = due, TaskId = call.TaskId, Payload = output, Failure = result.Failure });
            EnqueueScripted(activityCall.Script, call.Generation);
        }
    }

    private void EnqueueScripted(ScriptContext script, int generation)
    {
        foreach (var (name, payload, after) in script.RaisedEvents)
        {
            Enqueue(new Delivery { Kind = DeliveryKind.Event, Generation = generation, Due = Now + after, EventName = name, Payload = payload });
        }

        foreach (var (after, work) in script.ScheduledWork)
        {
            Enqueue(new Delivery { Kind = DeliveryKind.Work, Generation = generation, Due = Now + after, Work = work });
        }
    }

    private void Finish()
    {
        Record.Elapsed = Now;
        if (_execution.IsCompletedSuccessfully)
        {
            Record.Status = OrchestrationRunStatus.Completed;
            Record.SerializedOutput = _execution.Result is { } output ? Options.DataConverter.Serialize(output) : null;
        }
        else
        {
            var exception = _execution.Exception?.InnerException ?? new TaskCanceledException(_execution);
            Record.Status = OrchestrationRunStatus.Failed;
            Record.Exception = exception;
            // As the worker reports it: an unhandled TaskFailedException keeps the task's failure as its inner failure.
            Record.Failure = FailureDetailsConversion.FromCore(exception is TaskFailedException taskFailed
                ? new CoreFailureDetails(taskFailed, FailureDetailsConversion.ToCore(taskFailed.FailureDetails))
                : new CoreFailureDetails(exception));
        }

        if (Replaying)
        {
            var expected = _replayRun!.Actions.Where(a => a.Generation == _context.Generation).ElementAtOrDefault(_replayActionIndex);
            if (expected is not null)
            {
                throw Diverged(expected, null);
            }

            if (_replayIndex < _replayOf![_context.Generation].Deliveries.Count)
            {
                throw Diverged(null, null, $"the replay ended at {At(Now)}, before the first run's delivery {Describe(_replayOf[_context.Generation].Deliveries[_replayIndex])}");
            }
        }
    }

    private void ThrowIfBroken()
    {
        if (_divergence is not null)
        {
            throw _divergence;
        }

        if (_escape is not null)
        {
            throw Failure($"{_name} left the orchestration's scheduler ({_escape}) at {At(Now)}. Orchestrator code must not use Task.Run, Task.Delay, "
                + "I/O or ConfigureAwait(false); use the context's timers, activities and events.");
        }
    }

    private void OnForeignContinuation(Task task) => _escape ??= "a continuation of orchestrator code was scheduled from another thread";

    private void Enqueue(Delivery delivery) => _queue.Enqueue(delivery, (delivery.Due, _sequence++));

    private OrchestrationTestException Failure(string message)
    {
        Record.Elapsed = Now;
        return new OrchestrationTestException(message + Environment.NewLine + Record.Describe(), Record);
    }

    private OrchestrationStuckException Stuck()
    {
        Record.Elapsed = Now;
        var waits = _context.OpenWaits();
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{_name} ({_instanceId}) is stuck at {At(Now)}: ");
        if (waits.Count > 0)
        {
            var list = string.Join(", ", waits.Select(w => $"'{w.EventName}' (waiting since {At(w.Since)})"));
            text.Append(CultureInfo.InvariantCulture, $"it waits for external event {list} with no timeout, and no event, timer or activity result is scheduled. ");
            text.Append("On the real engine it would wait forever: give the wait a timeout, or script the event.");
        }
        else
        {
            text.Append("it awaits a task that no timer, activity or event of the orchestration context will complete "
                + "(Task.Delay, Task.Run, I/O or a TaskCompletionSource in orchestrator code).");
        }

        text.AppendLine().Append(Record.Describe());
        return new OrchestrationStuckException(text.ToString(), Record, waits.Select(w => w.EventName).Distinct(StringComparer.OrdinalIgnoreCase).ToList());
    }

    private NondeterministicOrchestrationException Diverged(ScheduledAction? expected, ScheduledAction? actual, string? detail = null)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{_name} is not deterministic: replayed against the history of its first run, ");
        if (detail is not null)
        {
            text.Append(detail);
        }
        else if (expected is not null && actual is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $"it scheduled {actual} where the first run scheduled {expected}");
        }
        else if (actual is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $"it scheduled {actual}, which the first run never did");
        }
        else
        {
            text.Append(CultureInfo.InvariantCulture, $"it ended without scheduling {expected}, which the first run did");
        }

        text.Append(". Orchestrator code must take time from context.CurrentUtcDateTime and ids from context.NewGuid(), and do no I/O.");
        return new NondeterministicOrchestrationException(text.ToString(), _replayRun ?? Record, expected, actual);
    }

    private string Describe(Delivery delivery) => delivery.Kind switch
    {
        DeliveryKind.TaskResult => $"result of task #{delivery.TaskId}",
        DeliveryKind.TimerFired => $"timer #{delivery.TaskId}",
        DeliveryKind.Work => "scripted work",
        _ => $"event '{delivery.EventName}'",
    };

    private static string At(TimeSpan at) => VirtualTime.Format(at);

    private sealed record PendingCall(int Generation, int TaskId, string Name, bool IsSubOrchestration, int Attempt, string? SerializedInput, RecordedActivity Recorded);
}
