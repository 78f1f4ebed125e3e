namespace CallFlows.Emulator.Schema;

/// <summary>One way a JSON value breaks a schema of the Call Automation spec.</summary>
/// <param name="Path">Where in the value, e.g. <c>participantToAdd.communicationUser.id</c> or <c>targets[0]</c>; empty for the root.</param>
/// <param name="Message">What is wrong, in words a caller can act on.</param>
public sealed record SchemaViolation(string Path, string Message)
{
    /// <inheritdoc />
    public override string ToString() => Path.Length == 0 ? Message : $"{Path}: {Message}";
}
