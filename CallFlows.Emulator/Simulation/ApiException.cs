namespace CallFlows.Emulator.Simulation;

/// <summary>A synchronous REST failure: becomes a CommunicationErrorResponse with this status, code, message and target.</summary>
internal sealed class ApiException(int status, string code, string message, string? target = null) : Exception(message)
{
    public int Status { get; } = status;

    public string Code { get; } = code;

    public string? Target { get; } = target;

    public static ApiException BadRequest(string message, string? target = null) => new(400, "BadRequest", message, target);

    public static ApiException CallNotFound(string callConnectionId) =>
        new(404, "CallNotFound", $"Call connection '{callConnectionId}' was not found or has already ended.");
}
