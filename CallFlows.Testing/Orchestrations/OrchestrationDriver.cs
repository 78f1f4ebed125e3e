using Microsoft.DurableTask;

namespace CallFlows.Testing.Orchestrations;

/// <summary>
/// Runs a real orchestrator function (the code the Durable Task engine runs) on virtual time, single-threaded and
/// deterministic: timers fire as soon as the orchestrator is blocked and nothing else is due before them, activities and
/// sub-orchestrations are answered by scripted handlers, external events arrive at scripted virtual times. A 15-minute
/// timeout takes microseconds. After the run, the orchestrator is replayed against the run's history to catch
/// non-deterministic code.
/// </summary>
/// <remarks>
/// <para>
/// The context the orchestrator gets behaves as the Durable Task worker's (Microsoft.DurableTask 1.28,
/// <c>ErrorPropagationMode.UseFailureDetails</c>): task ids, <see cref="TaskFailedException"/> with
/// <see cref="TaskFailureDetails"/>, retry policies with their timers, long timers split, the newest
/// pending <c>WaitForExternalEvent</c> receiving an event (timed-out waits skipped, unclaimed events buffered), deterministic <c>NewGuid</c>. Values
/// cross history through <see cref="OrchestrationDriverOptions.DataConverter"/>, as they do on the engine.
/// </para>
/// <para>
/// Ordering: deliveries due at the same virtual time arrive in the order they were scheduled; an activity's result
/// arrives before the events its handler raised for the same time. Entities are not supported.
/// </para>
/// </remarks>
public sealed class OrchestrationDriver
{
    private readonly ScriptedHandlers _handlers = new();
    private readonly List<(TimeSpan At, string Name, object? Payload)> _events = [];
    private readonly List<(TimeSpan At, Action<ScriptContext> Work)> _work = [];

    /// <summary>Creates a driver with the default options.</summary>
    public OrchestrationDriver()
        : this(new OrchestrationDriverOptions())
    {
    }

    /// <summary>Creates a driver.</summary>
    /// <param name="options">How to run.</param>
    public OrchestrationDriver(OrchestrationDriverOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
    }

    /// <summary>How the driver runs.</summary>
    public OrchestrationDriverOptions Options { get; }

    /// <summary>Scripts an activity: <paramref name="handler"/> answers every call of it.</summary>
    /// <param name="name">The activity name (case-insensitive).</param>
    /// <param name="handler">Gets the call (input, attempt, virtual time) and returns its output or failure; throwing fails the call as the activity throwing would.</param>
    /// <returns>This driver.</returns>
    public OrchestrationDriver OnActivity(string name, Func<ActivityCall, ActivityResult> handler)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(handler);
        _handlers.Activities[name] = handler;
        return this;
    }

    /// <summary>Scripts an activity with a typed function, as the activity itself would be written.</summary>
    /// <typeparam name="TInput">The activity's input type.</typeparam>
    /// <typeparam name="TOutput">The activity's output type.</typeparam>
    /// <param name="name">The activity name (case-insensitive).</param>
    /// <param name="handler">The activity's logic; an exception it throws fails the call with that exception's details.</param>
    /// <returns>This driver.</returns>
    public OrchestrationDriver OnActivity<TInput, TOutput>(string name, Func<TInput, TOutput> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return OnActivity(name, call => ActivityResult.Completed(handler(call.GetInput<TInput>()!)));
    }

    /// <summary>Scripts every activity no <see cref="OnActivity(string, Func{ActivityCall, ActivityResult})"/> handler names (e.g. a simulated service).</summary>
    /// <param name="handler">Answers a call, or returns null when it does not know the activity (the run then fails, naming it).</param>
    /// <returns>This driver.</returns>
    public OrchestrationDriver OnOtherActivities(Func<ActivityCall, ActivityResult?> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        _handlers.Fallback = handler;
        return this;
    }

    /// <summary>Scripts a sub-orchestration like an activity: its result or failure as <paramref name="handler"/> says.</summary>
    /// <param name="name">The sub-orchestration name (case-insensitive).</param>
    /// <param name="handler">Answers each call.</param>
    /// <returns>This driver.</returns>
    public OrchestrationDriver OnSubOrchestration(string name, Func<ActivityCall, ActivityResult> handler)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(handler);
        _handlers.SubOrchestrations[name] = handler;
        return this;
    }

    /// <summary>Raises an external event into the orchestration at a virtual time.</summary>
    /// <param name="name">The event name.</param>
    /// <param name="payload">The payload (serialized as on the real engine); null for none.</param>
    /// <param name="at">The virtual time since the start of the run; zero or more.</param>
    /// <returns>This driver.</returns>
    public OrchestrationDriver RaiseEvent(string name, object? payload, TimeSpan at)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentOutOfRangeException.ThrowIfLessThan(at, TimeSpan.Zero);
        _events.Add((at, name, payload));
        return this;
    }

    /// <summary>Runs scripted work at a virtual time (e.g. a caller hanging up), which may raise events and schedule more work.</summary>
    /// <param name="at">The virtual time since the start of the run; zero or more.</param>
    /// <param name="work">What to do then.</param>
    /// <returns>This driver.</returns>
    public OrchestrationDriver Schedule(TimeSpan at, Action<ScriptContext> work)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(at, TimeSpan.Zero);
        ArgumentNullException.ThrowIfNull(work);
        _work.Add((at, work));
        return this;
    }

    /// <summary>Runs an orchestrator to its end on virtual time, on the calling thread.</summary>
    /// <typeparam name="TOutput">The orchestrator's output type.</typeparam>
    /// <param name="name">The orchestrator name (<see cref="TaskOrchestrationContext.Name"/>).</param>
    /// <param name="orchestrator">The orchestrator function, e.g. a <c>[Function]</c> method's group.</param>
    /// <param name="input">The orchestration input; null for none.</param>
    /// <returns>The record of the run; <see cref="OrchestrationRun.Status"/> says whether the orchestrator returned or threw.</returns>
    /// <exception cref="OrchestrationStuckException">The orchestrator waits for something nothing will ever deliver.</exception>
    /// <exception cref="NondeterministicOrchestrationException">The replay scheduled different actions (with <see cref="OrchestrationDriverOptions.CheckReplay"/>).</exception>
    /// <exception cref="OrchestrationTestException">An activity is not scripted, or a limit of <see cref="Options"/> was reached.</exception>
    public OrchestrationRun<TOutput> Run<TOutput>(string name, Func<TaskOrchestrationContext, Task<TOutput>> orchestrator, object? input = null)
    {
        ArgumentNullException.ThrowIfNull(orchestrator);
        var run = RunCore(name, async context => await orchestrator(context), input);
        var output = run.SerializedOutput is null ? default : Options.DataConverter.Deserialize<TOutput>(run.SerializedOutput);
        return new OrchestrationRun<TOutput>(run, output);
    }

    /// <summary>Runs an orchestrator without output to its end on virtual time, on the calling thread.</summary>
    /// <param name="name">The orchestrator name.</param>
    /// <param name="orchestrator">The orchestrator function.</param>
    /// <param name="input">The orchestration input; null for none.</param>
    /// <returns>The record of the run.</returns>
    /// <exception cref="OrchestrationStuckException">The orchestrator waits for something nothing will ever deliver.</exception>
    /// <exception cref="NondeterministicOrchestrationException">The replay scheduled different actions.</exception>
    /// <exception cref="OrchestrationTestException">An activity is not scripted, or a limit was reached.</exception>
    public OrchestrationRun Run(string name, Func<TaskOrchestrationContext, Task> orchestrator, object? input = null)
    {
        ArgumentNullException.ThrowIfNull(orchestrator);
        return RunCore(name, async context =>
        {
            await orchestrator(context);
            return null;
        }, input);
    }

    private OrchestrationRun RunCore(string name, Func<TaskOrchestrationContext, Task<object?>> orchestrator, object? input)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        var serializedInput = input is null ? null : Options.DataConverter.Serialize(input);
        var first = new DriverRun(Options, name, orchestrator, _handlers, serializedInput);
        foreach (var (at, eventName, payload) in _events)
        {
            first.ScheduleEvent(at, eventName, payload is null ? null : Options.DataConverter.Serialize(payload));
        }

        foreach (var (at, work) in _work)
        {
            first.ScheduleWork(at, work);
        }

        var run = first.Execute();
        if (!Options.CheckReplay)
        {
            return run;
        }

        var replay = new DriverRun(Options, name, orchestrator, _handlers, serializedInput, run, first.History);
        var replayed = replay.Execute();
        if (replayed.Status != run.Status
            || !string.Equals(replayed.SerializedOutput, run.SerializedOutput, StringComparison.Ordinal)
            || !string.Equals(replayed.Failure?.ErrorType, run.Failure?.ErrorType, StringComparison.Ordinal))
        {
            var firstEnding = run.Status == OrchestrationRunStatus.Completed ? $"returned {run.SerializedOutput ?? "nothing"}" : $"failed with {run.Failure}";
            var second = replayed.Status == OrchestrationRunStatus.Completed ? $"returned {replayed.SerializedOutput ?? "nothing"}" : $"failed with {replayed.Failure}";
            throw new NondeterministicOrchestrationException(
                $"{name} is not deterministic: its first run {firstEnding}, its replay against the same history {second}. "
                + "Orchestrator code must take time from context.CurrentUtcDateTime and ids from context.NewGuid(), and do no I/O.",
                run,
                null,
                null);
        }

        run.ReplayChecked = true;
        return run;
    }
}
