namespace CallFlows.Testing.CallWorld;

/// <summary>A transfer in progress.</summary>
internal sealed record SimulatedTransfer(TestPhone Target, string Transferee, string OperationContext);
