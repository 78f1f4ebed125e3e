namespace CallFlows.Runtime.Protocol;

/// <summary>
/// Who records a server call: the input of the <see cref="CallActionNames.RecordingOwner"/> index orchestration whose
/// instance id is derived from the server call id. The Event Grid webhook reads it to raise a
/// <c>RecordingFileStatusUpdated</c> into the flow that started the recording.
/// </summary>
/// <param name="InstanceId">The flow instance that started the recording.</param>
/// <param name="ServerCallId">The recorded server call.</param>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public sealed record RecordingOwner(string InstanceId, string ServerCallId)
{
    /// <summary>The instance id of the index entry for a server call.</summary>
    /// <param name="serverCallId">The server call id.</param>
    /// <returns>The instance id (<c>rec-</c> and a hash).</returns>
    public static string IndexInstanceId(string serverCallId)
    {
        ArgumentException.ThrowIfNullOrEmpty(serverCallId);
        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(serverCallId));
        return "rec-" + Convert.ToHexStringLower(hash, 0, 16);
    }
}
