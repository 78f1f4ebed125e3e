namespace CallFlows.Testing.Orchestrations;

/// <summary>One execution of the first run, as history: its input and the deliveries it received, in order.</summary>
internal sealed class RecordedGeneration(string? serializedInput)
{
    public string? SerializedInput { get; } = serializedInput;

    public List<Delivery> Deliveries { get; } = [];
}
