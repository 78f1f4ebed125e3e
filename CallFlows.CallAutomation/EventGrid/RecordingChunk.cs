namespace CallFlows.CallAutomation;

/// <summary>One file of a finished recording (wire <c>recordingStorageInfo.recordingChunks[]</c>), with where to download and delete it.</summary>
public sealed class RecordingChunk
{
    /// <summary>The file's document id.</summary>
    public string? DocumentId { get; init; }

    /// <summary>The chunk's position, from 0.</summary>
    public int Index { get; init; }

    /// <summary>Why the chunk ended, e.g. <c>SessionEnded</c>.</summary>
    public string? EndReason { get; init; }

    /// <summary>Where to download the file: pass it to <see cref="CallRecording.DownloadToAsync"/>.</summary>
    public Uri? ContentLocation { get; init; }

    /// <summary>Where to download the file's metadata.</summary>
    public Uri? MetadataLocation { get; init; }

    /// <summary>Where to delete the recording: pass it to <see cref="CallRecording.DeleteAsync"/>.</summary>
    public Uri? DeleteLocation { get; init; }
}
