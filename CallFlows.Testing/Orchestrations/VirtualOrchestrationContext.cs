using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using CoreFailureDetails = DurableTask.Core.FailureDetails;
using CoreOrchestrationException = DurableTask.Core.Exceptions.OrchestrationException;
using CoreTaskFailedException = DurableTask.Core.Exceptions.TaskFailedException;

namespace CallFlows.Testing.Orchestrations;

/// <summary>
/// The <see cref="TaskOrchestrationContext"/> of one execution on the driver: behaves as the Durable Task worker's
/// context does (task ids, retry interceptor, timer splitting, last-in-first-out event waiters, deterministic GUIDs),
/// with time, activities and events supplied by the <see cref="DriverRun"/>.
/// </summary>
internal sealed class VirtualOrchestrationContext : TaskOrchestrationContext
{
    // The Durable Task worker's namespace for NewGuid (RFC 4122 name-based UUID, version 5), so ids match the real engine's.
    private static readonly Guid GuidNamespace = Guid.Parse("9e952958-5e33-4daf-827f-2fa12937b875");

    private readonly DriverRun _run;
    private readonly string? _serializedInput;
    private readonly Dictionary<int, OpenTask> _open = [];
    private readonly Dictionary<string, EventWaiter> _waiters = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Queue<RecordedEvent>> _buffered = new(StringComparer.OrdinalIgnoreCase);
    private int _nextTaskId;
    private int _guidCounter;

    public VirtualOrchestrationContext(DriverRun run, TaskName name, string instanceId, int generation, string? serializedInput)
    {
        _run = run;
        Name = name;
        InstanceId = instanceId;
        Generation = generation;
        _serializedInput = serializedInput;
    }

    public override TaskName Name { get; }

    public override string InstanceId { get; }

    public override ParentOrchestrationInstance? Parent => null;

    public override DateTime CurrentUtcDateTime => _run.Clock;

    public override bool IsReplaying => _run.IsReplaying;

    public int Generation { get; }

    /// <summary>Set by <see cref="ContinueAsNew(ContinueAsNewOptions)"/>: the next execution's serialized input.</summary>
    public (string? SerializedInput, bool PreserveEvents)? ContinueAsNewRequest { get; private set; }

    protected override ILoggerFactory LoggerFactory => _run.Options.LoggerFactory;

    public override T GetInput<T>() => _serializedInput is null ? default! : _run.Options.DataConverter.Deserialize<T>(_serializedInput)!;

    public override async Task<TResult> CallActivityAsync<TResult>(TaskName name, object? input = null, TaskOptions? options = null)
    {
        _run.EnsureOrchestratorThread();
        if (input is TaskOptions && options is null)
        {
            throw new ArgumentException(
                $"A {nameof(TaskOptions)} value was provided for the activity input but no value was provided for {nameof(options)}. "
                + $"Did you mean to provide a {nameof(TaskOptions)} value for the {nameof(options)} parameter?",
                nameof(input));
        }

        var serializedInput = Serialize(input);
        var output = await CallWithRetryAsync(name, options, attempt => ScheduleTask(name.Name, isSubOrchestration: false, serializedInput, attempt));
        return Deserialize<TResult>(output);
    }

    public override async Task<TResult> CallSubOrchestratorAsync<TResult>(TaskName orchestratorName, object? input = null, TaskOptions? options = null)
    {
        _run.EnsureOrchestratorThread();

        // As on the real worker: an instance id not given is a NewGuid, which advances the GUID counter.
        var instanceId = (options as SubOrchestrationOptions)?.InstanceId ?? NewGuid().ToString("N");
        var serializedInput = Serialize(input);
        var output = await CallWithRetryAsync(orchestratorName, options, attempt => ScheduleTask(orchestratorName.Name, isSubOrchestration: true, serializedInput, attempt, instanceId));
        return Deserialize<TResult>(output);
    }

    public override async Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken)
    {
        _run.EnsureOrchestratorThread();

        // As the worker does: long timers become a chain of timers of at most MaximumTimerInterval.
        var finalFireAt = fireAt.ToUniversalTime();
        var remaining = finalFireAt - CurrentUtcDateTime;
        while (remaining > _run.Options.MaximumTimerInterval && !cancellationToken.IsCancellationRequested)
        {
            await CreateSingleTimer(CurrentUtcDateTime + _run.Options.MaximumTimerInterval, cancellationToken);
            remaining = finalFireAt - CurrentUtcDateTime;
        }

        await CreateSingleTimer(finalFireAt, cancellationToken);
    }

    public override Task<T> WaitForExternalEvent<T>(string eventName, CancellationToken cancellationToken = default)
    {
        _run.EnsureOrchestratorThread();
        ArgumentException.ThrowIfNullOrEmpty(eventName);
        var waiter = new EventWaiter<T>(_run.Now);

        // Last in, first out, as the worker does: an event goes to the newest wait for its name.
        if (_waiters.TryGetValue(eventName, out var existing))
        {
            if (existing.EventType != typeof(T))
            {
                throw new ArgumentException($"Events with the same name must have the same type argument. Expected {existing.EventType.FullName} but was requested {typeof(T).FullName}.");
            }

            waiter.Next = existing;
        }

        _waiters[eventName] = waiter;
        if (_buffered.TryGetValue(eventName, out var queue) && queue.TryDequeue(out var buffered))
        {
            if (queue.Count == 0)
            {
                _buffered.Remove(eventName);
            }

            Complete(eventName, buffered);
        }

        if (cancellationToken.CanBeCanceled)
        {
            // As on the worker, a cancelled wait stays in the stack; an event arriving later skips it.
            cancellationToken.Register(() => waiter.TrySetCanceled(cancellationToken));
        }

        return waiter.Task;
    }

    public override void SendEvent(string instanceId, string eventName, object payload)
    {
        _run.EnsureOrchestratorThread();
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        ArgumentException.ThrowIfNullOrEmpty(eventName);
        var id = _nextTaskId++;
        var serialized = Serialize(payload);
        _run.OnAction(new ScheduledAction(Generation, id, ScheduledActionKind.SendEvent, eventName, $"{instanceId} with {serialized ?? "no payload"}", _run.Now));
        if (string.Equals(instanceId, InstanceId, StringComparison.Ordinal))
        {
            _run.RaiseSelfEvent(eventName, serialized);
        }
    }

    public override void SetCustomStatus(object? customStatus)
    {
        _run.EnsureOrchestratorThread();
        _run.OnCustomStatus(Serialize(customStatus));
    }

    public override void ContinueAsNew(object? newInput = null, bool preserveUnprocessedEvents = true) =>
        ContinueAsNew(new ContinueAsNewOptions { NewInput = newInput, PreserveUnprocessedEvents = preserveUnprocessedEvents });

    public override void ContinueAsNew(ContinueAsNewOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _run.EnsureOrchestratorThread();
        var serialized = Serialize(options.NewInput);
        ContinueAsNewRequest = (serialized, options.PreserveUnprocessedEvents);
        _run.OnAction(new ScheduledAction(Generation, -1, ScheduledActionKind.ContinueAsNew, string.Empty, serialized, _run.Now));
    }

    public override Guid NewGuid()
    {
        _run.EnsureOrchestratorThread();
        var name = string.Concat(InstanceId, "_", CurrentUtcDateTime.ToString("o", CultureInfo.InvariantCulture), "_", _guidCounter.ToString(CultureInfo.InvariantCulture));
        _guidCounter++;
        return NameBasedGuid(GuidNamespace, name);
    }

    /// <summary>The buffered events nobody waited for, oldest first (carried over by a continue-as-new that preserves them).</summary>
    public IEnumerable<RecordedEvent> TakeBufferedEvents()
    {
        var events = _buffered.Values.SelectMany(q => q).OrderBy(e => e.RaisedAt).ToList();
        _buffered.Clear();
        return events;
    }

    /// <summary>What the execution waits for, for a stuck report.</summary>
    public IReadOnlyList<(string EventName, TimeSpan Since)> OpenWaits()
    {
        var waits = new List<(string, TimeSpan)>();
        foreach (var (name, top) in _waiters)
        {
            for (var waiter = top; waiter is not null; waiter = waiter.Next)
            {
                if (waiter.IsPending)
                {
                    waits.Add((name, waiter.Since));
                }
            }
        }

        return waits;
    }

    public int OpenTaskCount => _open.Count;

    /// <summary>Hands an activity or sub-orchestration result to the waiting call.</summary>
    public void CompleteTask(int taskId, string? output, CoreFailureDetails? failure)
    {
        if (!_open.Remove(taskId, out var task))
        {
            return;
        }

        if (failure is null)
        {
            task.Completion.TrySetResult(output);
            return;
        }

        // As the engine does with ErrorPropagationMode.UseFailureDetails: the engine's exception with the failure details.
        var exception = new CoreTaskFailedException(0, taskId, task.Name, string.Empty, failure.ErrorMessage, null) { FailureDetails = failure };
        task.Completion.TrySetException(exception);
    }

    public void FireTimer(int taskId)
    {
        if (_open.Remove(taskId, out var timer))
        {
            timer.Completion.TrySetResult(null);
        }
    }

    /// <summary>Hands an event to the newest wait for its name, or buffers it.</summary>
    public void RaiseEvent(RecordedEvent raised) => Complete(raised.Name, raised);

    private static Guid NameBasedGuid(Guid namespaceId, string name)
    {
        Span<byte> namespaceBytes = stackalloc byte[16];
        namespaceId.TryWriteBytes(namespaceBytes, bigEndian: true, out _);
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var buffer = new byte[16 + nameBytes.Length];
        namespaceBytes.CopyTo(buffer);
        nameBytes.CopyTo(buffer, 16);
#pragma warning disable CA5350 // SHA-1 is what RFC 4122 version 5 specifies; this is an identifier, not cryptography.
        var hash = SHA1.HashData(buffer);
#pragma warning restore CA5350
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }

    /// <summary>
    /// Hands an event to the newest wait for its name that is still pending, as the 1.28 worker does: waits that were
    /// cancelled (timed out) are skipped and dropped; when no wait is pending the event is buffered for the next one.
    /// </summary>
    private void Complete(string eventName, RecordedEvent raised)
    {
        var values = new Dictionary<Type, object?>();
        while (_waiters.TryGetValue(eventName, out var waiter))
        {
            if (waiter.Next is null)
            {
                _waiters.Remove(eventName);
            }
            else
            {
                _waiters[eventName] = waiter.Next;
            }

            if (!values.TryGetValue(waiter.EventType, out var value))
            {
                value = Read(raised, waiter.EventType);
                values[waiter.EventType] = value;
            }

            if (waiter.TrySetResult(value))
            {
                raised.Disposition = EventDisposition.Delivered;
                raised.ReceivedAt = _run.Now;
                return;
            }
        }

        Buffer(raised);
    }

    private void Buffer(RecordedEvent raised)
    {
        raised.Disposition = EventDisposition.Buffered;
        if (!_buffered.TryGetValue(raised.Name, out var queue))
        {
            queue = new Queue<RecordedEvent>();
            _buffered[raised.Name] = queue;
        }

        queue.Enqueue(raised);
    }

    private object? Read(RecordedEvent raised, Type type)
    {
        try
        {
            return raised.SerializedPayload is null ? null : _run.Options.DataConverter.Deserialize(raised.SerializedPayload, type);
        }
        catch (Exception exception) when (exception is not OrchestrationTestException)
        {
            throw new OrchestrationTestException(
                $"The payload of event '{raised.Name}' ({raised.SerializedPayload}) cannot be read as {type.Name}, the type the orchestrator waits for: {exception.Message}",
                exception);
        }
    }

    private async Task<string?> CallWithRetryAsync(TaskName name, TaskOptions? options, Func<int, Task<string?>> attempt)
    {
        try
        {
            if (options?.Retry?.Policy is { } policy)
            {
                return await RetryWithPolicyAsync(policy, attempt);
            }

            if (options?.Retry?.Handler is { } handler)
            {
                return await RetryWithHandlerAsync(handler, attempt);
            }

            return await attempt(1);
        }
        catch (CoreTaskFailedException exception)
        {
            // As the worker does: the engine's exception becomes the SDK's, with the failure details as data.
            throw new TaskFailedException(name.Name, exception.ScheduleId, exception);
        }
    }

    /// <summary>The engine's retry interceptor, step for step (including its immediate timer after the last attempt).</summary>
    private async Task<string?> RetryWithPolicyAsync(RetryPolicy policy, Func<int, Task<string?>> attempt)
    {
        Exception? lastException = null;
        var firstAttempt = CurrentUtcDateTime;
        for (var retryCount = 0; retryCount < policy.MaxNumberOfAttempts; retryCount++)
        {
            try
            {
                return await attempt(retryCount + 1);
            }
            catch (CoreOrchestrationException exception)
            {
                if (exception.FailureDetails?.IsNonRetriable == true)
                {
                    throw;
                }

                lastException = exception;
            }

            if (retryCount + 1 == policy.MaxNumberOfAttempts)
            {
                // The engine keeps a zero-length timer here for history compatibility; a replay must see it too.
                await CreateSingleTimer(CurrentUtcDateTime, CancellationToken.None);
                break;
            }

            var delay = NextDelay(policy, retryCount, firstAttempt, lastException);
            if (delay == TimeSpan.Zero)
            {
                break;
            }

            await CreateSingleTimer(CurrentUtcDateTime + delay, CancellationToken.None);
        }

        System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(lastException!).Throw();
        return null;
    }

    private TimeSpan NextDelay(RetryPolicy policy, int retryCount, DateTime firstAttempt, Exception failure)
    {
        bool handled;
        try
        {
            handled = policy.Handle(failure);
        }
        catch (Exception exception) when (exception is not OrchestrationTestException)
        {
            // The engine swallows a failing filter and stops retrying, keeping the activity's own failure.
            return TimeSpan.Zero;
        }

        if (!handled)
        {
            return TimeSpan.Zero;
        }

        var expiration = policy.RetryTimeout == Timeout.InfiniteTimeSpan ? DateTime.MaxValue : firstAttempt + policy.RetryTimeout;
        if (CurrentUtcDateTime >= expiration)
        {
            return TimeSpan.Zero;
        }

        var delayMs = policy.FirstRetryInterval.TotalMilliseconds * Math.Pow(policy.BackoffCoefficient, retryCount);
        var maxMs = policy.MaxRetryInterval == Timeout.InfiniteTimeSpan ? double.MaxValue : policy.MaxRetryInterval.TotalMilliseconds;
        return delayMs < maxMs ? TimeSpan.FromMilliseconds(delayMs) : policy.MaxRetryInterval;
    }

    private async Task<string?> RetryWithHandlerAsync(AsyncRetryHandler handler, Func<int, Task<string?>> attempt)
    {
        var start = CurrentUtcDateTime;
        var failures = 0;
        while (true)
        {
            try
            {
                return await attempt(failures + 1);
            }
            catch (CoreOrchestrationException exception)
            {
                if (exception.FailureDetails?.IsNonRetriable == true)
                {
                    throw;
                }

                failures++;
                var context = new RetryContext(this, failures, TaskFailureDetails.FromException(exception), CurrentUtcDateTime - start, CancellationToken.None);
                if (!await handler(context) || failures == int.MaxValue)
                {
                    throw;
                }
            }
        }
    }

    private Task<string?> ScheduleTask(string name, bool isSubOrchestration, string? serializedInput, int attempt, string? subInstanceId = null)
    {
        var id = _nextTaskId++;
        var completion = new TaskCompletionSource<string?>();
        _open[id] = new OpenTask(name, completion);
        _run.OnAction(new ScheduledAction(
            Generation,
            id,
            isSubOrchestration ? ScheduledActionKind.SubOrchestration : ScheduledActionKind.Activity,
            name,
            isSubOrchestration ? $"{serializedInput ?? "none"} as instance {subInstanceId}" : serializedInput,
            _run.Now));
        _run.OnTaskScheduled(this, id, name, isSubOrchestration, attempt, serializedInput);
        return completion.Task;
    }

    private async Task CreateSingleTimer(DateTime fireAt, CancellationToken cancellationToken)
    {
        var id = _nextTaskId++;
        var completion = new TaskCompletionSource<string?>();
        _open[id] = new OpenTask(string.Empty, completion);
        _run.OnAction(new ScheduledAction(Generation, id, ScheduledActionKind.Timer, string.Empty, fireAt.ToString("o", CultureInfo.InvariantCulture), _run.Now));
        var onCancel = _run.OnTimerCreated(this, id, fireAt);
        if (cancellationToken.CanBeCanceled)
        {
            cancellationToken.Register(() =>
            {
                if (completion.TrySetCanceled())
                {
                    _open.Remove(id);
                    onCancel();
                }
            });
        }

        await completion.Task;
    }

    private string? Serialize(object? value) => value is null ? null : _run.Options.DataConverter.Serialize(value);

    private T Deserialize<T>(string? serialized) => serialized is null ? default! : _run.Options.DataConverter.Deserialize<T>(serialized)!;

    private sealed record OpenTask(string Name, TaskCompletionSource<string?> Completion);

    private abstract class EventWaiter(TimeSpan since)
    {
        public EventWaiter? Next { get; set; }

        public TimeSpan Since { get; } = since;

        public abstract Type EventType { get; }

        public abstract bool IsPending { get; }

        public abstract bool TrySetResult(object? value);
    }

    private sealed class EventWaiter<T>(TimeSpan since) : EventWaiter(since)
    {
        private readonly TaskCompletionSource<T> _completion = new();

        public Task<T> Task => _completion.Task;

        public override Type EventType => typeof(T);

        public override bool IsPending => !_completion.Task.IsCompleted;

        public override bool TrySetResult(object? value) => _completion.TrySetResult((T)value!);

        public void TrySetCanceled(CancellationToken cancellationToken) => _completion.TrySetCanceled(cancellationToken);
    }
}
