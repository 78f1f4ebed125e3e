namespace CallFlows.Runtime;

/// <summary>A finished recording's file, from the <c>Microsoft.Communication.RecordingFileStatusUpdated</c> Event Grid event.</summary>
/// <param name="ContentLocation">Where to download the audio (with the ACS credentials: <c>CallRecording.DownloadToAsync</c>).</param>
/// <param name="MetadataLocation">Where to download the metadata.</param>
/// <param name="DeleteLocation">Where to delete the recording.</param>
/// <param name="Duration">The recording's length, when reported.</param>
/// <param name="EndReason">Why the session ended (e.g. <c>SessionEnded</c>), when reported.</param>
public sealed record RecordingFile(Uri? ContentLocation, Uri? MetadataLocation, Uri? DeleteLocation, TimeSpan? Duration, string? EndReason);
