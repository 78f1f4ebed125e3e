namespace CallFlows.Runtime;

/// <summary>Describes a value of a flow's result enum for people and says whether it counts as success.</summary>
/// <param name="description">What the result means, in a sentence (shown in the flow's output and <c>GET /api/calls/{id}</c>).</param>
[AttributeUsage(AttributeTargets.Field, AllowMultiple = false)]
public sealed class FlowOutcomeAttribute(string description) : Attribute
{
    /// <summary>What the result means, in a sentence.</summary>
    public string Description { get; } = description;

    /// <summary>Whether the flow achieved its purpose with this result. Default false.</summary>
    public bool Succeeded { get; set; }
}
