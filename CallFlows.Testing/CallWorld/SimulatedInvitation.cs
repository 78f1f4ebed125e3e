namespace CallFlows.Testing.CallWorld;

/// <summary>A pending add-participant invitation.</summary>
internal sealed class SimulatedInvitation(string id, TestPhone phone, string operationContext)
{
    public string Id { get; } = id;

    public TestPhone Phone { get; } = phone;

    public string OperationContext { get; } = operationContext;

    public bool Done { get; set; }
}
