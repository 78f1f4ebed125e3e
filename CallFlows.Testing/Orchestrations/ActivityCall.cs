using Microsoft.DurableTask;

namespace CallFlows.Testing.Orchestrations;

/// <summary>One invocation of a scripted activity (or sub-orchestration), as its handler sees it.</summary>
public sealed class ActivityCall
{
    private readonly DataConverter _converter;

    internal ActivityCall(string name, bool isSubOrchestration, int taskId, int attempt, string? serializedInput, DateTime currentUtcDateTime, TimeSpan elapsed, DataConverter converter)
    {
        Script = new ScriptContext(currentUtcDateTime, elapsed, converter);
        Name = name;
        IsSubOrchestration = isSubOrchestration;
        TaskId = taskId;
        Attempt = attempt;
        SerializedInput = serializedInput;
        CurrentUtcDateTime = currentUtcDateTime;
        Elapsed = elapsed;
        _converter = converter;
    }

    /// <summary>The activity (or sub-orchestration) name.</summary>
    public string Name { get; }

    /// <summary>Whether this is a sub-orchestration rather than an activity.</summary>
    public bool IsSubOrchestration { get; }

    /// <summary>The task id the engine gave the call (the one in <see cref="TaskFailedException.TaskId"/>).</summary>
    public int TaskId { get; }

    /// <summary>The attempt under the call's retry policy: 1 for the first.</summary>
    public int Attempt { get; }

    /// <summary>The input as serialized into history; null when the orchestrator passed none.</summary>
    public string? SerializedInput { get; }

    /// <summary>The virtual time at which the call is made.</summary>
    public DateTime CurrentUtcDateTime { get; }

    /// <summary>The virtual time elapsed since the run started.</summary>
    public TimeSpan Elapsed { get; }

    /// <summary>The world around the orchestration: raise events, schedule work for later virtual times.</summary>
    public ScriptContext Script { get; }

    /// <summary>Reads the input as <typeparamref name="T"/>, through the driver's data converter.</summary>
    /// <typeparam name="T">The input type.</typeparam>
    /// <returns>The input, or the default of <typeparamref name="T"/> when there is none.</returns>
    public T? GetInput<T>() => SerializedInput is null ? default : _converter.Deserialize<T>(SerializedInput);

    /// <summary>
    /// Raises an external event into the orchestration, <paramref name="after"/> the call's completion is delivered
    /// (when both are due at the same time, the call's result is delivered first): how a scripted service answers an
    /// action with callbacks, e.g. an answer with <c>CallConnected</c> 50 ms later.
    /// </summary>
    /// <param name="name">The event name.</param>
    /// <param name="payload">The payload (serialized as on the real engine).</param>
    /// <param name="after">The virtual delay after the call was made; zero or more.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="after"/> is negative.</exception>
    public void RaiseEvent(string name, object? payload, TimeSpan after) => Script.RaiseEvent(name, payload, after);
}
