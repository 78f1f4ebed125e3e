namespace CallFlows.CallAutomation;

/// <summary>Where a recording is stored (wire <c>externalStorage</c>): your own Azure Blob Storage container.</summary>
public sealed class RecordingStorage
{
    /// <summary>Creates the storage for an Azure Blob Storage container (wire kind <c>azureBlobStorage</c>).</summary>
    /// <param name="containerUri">The container's URL; the ACS resource's managed identity must be able to write to it.</param>
    /// <exception cref="ArgumentNullException"><paramref name="containerUri"/> is null.</exception>
    public RecordingStorage(Uri containerUri)
    {
        ArgumentNullException.ThrowIfNull(containerUri);
        ContainerUri = containerUri;
    }

    /// <summary>The container's URL.</summary>
    public Uri ContainerUri { get; }
}
