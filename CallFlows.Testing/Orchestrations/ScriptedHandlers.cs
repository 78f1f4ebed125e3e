namespace CallFlows.Testing.Orchestrations;

/// <summary>The scripted activities and sub-orchestrations of a driver, by name (case-insensitive, as task names are).</summary>
internal sealed class ScriptedHandlers
{
    public Dictionary<string, Func<ActivityCall, ActivityResult>> Activities { get; } = new(StringComparer.OrdinalIgnoreCase);

    public Dictionary<string, Func<ActivityCall, ActivityResult>> SubOrchestrations { get; } = new(StringComparer.OrdinalIgnoreCase);

    public Func<ActivityCall, ActivityResult?>? Fallback { get; set; }

    public Func<ActivityCall, ActivityResult>? Find(string name, bool isSubOrchestration)
    {
        var table = isSubOrchestration ? SubOrchestrations : Activities;
        if (table.TryGetValue(name, out var handler))
        {
            return handler;
        }

        return Fallback is { } fallback && !isSubOrchestration
            ? call => fallback(call) ?? throw new OrchestrationTestException($"No handler scripts activity '{call.Name}' (input {call.SerializedInput ?? "none"}).")
            : null;
    }
}
