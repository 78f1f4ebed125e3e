using System.Text.Json;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Entities;

namespace CallFlows.LocalHost.Functions;

/// <summary>
/// The <see cref="TaskOrchestrationContext"/> handed to the app's orchestrator functions: delegates to the shim's
/// context, but deserializes the raw input on each <see cref="GetInput{T}"/>, as Durable Functions isolated does
/// (the shim only casts an input it deserialized once for a declared type, which a [Function] method does not declare).
/// </summary>
internal sealed class LocalOrchestrationContext(TaskOrchestrationContext inner, DataConverter dataConverter, ILoggerFactory loggerFactory)
    : TaskOrchestrationContext
{
    public override TaskName Name => inner.Name;

    public override string InstanceId => inner.InstanceId;

    public override ParentOrchestrationInstance? Parent => inner.Parent;

    public override DateTime CurrentUtcDateTime => inner.CurrentUtcDateTime;

    public override bool IsReplaying => inner.IsReplaying;

    public override string Version => inner.Version;

    public override IReadOnlyDictionary<string, object?> Properties => inner.Properties;

    public override TaskOrchestrationEntityFeature Entities => inner.Entities;

    protected override ILoggerFactory LoggerFactory => loggerFactory;

    public override T GetInput<T>() => (T)this.GetInput(typeof(T))!;

    /// <summary>Deserializes the orchestration input as <paramref name="type"/>.</summary>
    public object? GetInput(Type type)
    {
        // The orchestrator declares object as its input type, so the shim hands over a JsonElement (or null).
        object? raw = inner.GetInput<object>();
        return raw switch
        {
            null => type.IsValueType ? Activator.CreateInstance(type) : null,
            _ when type.IsInstanceOfType(raw) && raw is not JsonElement => raw,
            JsonElement element when type == typeof(JsonElement) => element,
            JsonElement element => dataConverter.Deserialize(element.GetRawText(), type),
            _ => dataConverter.Deserialize(dataConverter.Serialize(raw), type),
        };
    }

    public override Task<TResult> CallActivityAsync<TResult>(TaskName name, object? input = null, TaskOptions? options = null) =>
        inner.CallActivityAsync<TResult>(name, input, options);

    public override Task<TResult> CallSubOrchestratorAsync<TResult>(TaskName orchestratorName, object? input = null, TaskOptions? options = null) =>
        inner.CallSubOrchestratorAsync<TResult>(orchestratorName, input, options);

    public override Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken) =>
        inner.CreateTimer(fireAt, cancellationToken);

    public override Task<T> WaitForExternalEvent<T>(string eventName, CancellationToken cancellationToken = default) =>
        inner.WaitForExternalEvent<T>(eventName, cancellationToken);

    public override void SendEvent(string instanceId, string eventName, object payload) =>
        inner.SendEvent(instanceId, eventName, payload);

    public override void SetCustomStatus(object? customStatus) => inner.SetCustomStatus(customStatus);

    public override void ContinueAsNew(object? newInput = null, bool preserveUnprocessedEvents = true) =>
        inner.ContinueAsNew(newInput, preserveUnprocessedEvents);

    public override void ContinueAsNew(ContinueAsNewOptions options) => inner.ContinueAsNew(options);

    public override Guid NewGuid() => inner.NewGuid();
}
