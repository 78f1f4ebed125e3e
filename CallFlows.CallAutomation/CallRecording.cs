using Azure;
using Azure.Core;
using CallFlows.CallAutomation.Pipeline;
using CallFlows.CallAutomation.Serialization;

namespace CallFlows.CallAutomation;

/// <summary>
/// Call recording: start, pause, resume, stop, get state, then download and delete the file at the locations that the
/// <see cref="RecordingFileStatusUpdated"/> Event Grid event gives. Get one from
/// <see cref="CallAutomationClient.GetCallRecording"/>. Shaped like <c>Azure.Communication.CallAutomation.CallRecording</c>.
/// </summary>
public class CallRecording
{
    private readonly CallAutomationRestClient _rest = null!;

    internal CallRecording(CallAutomationRestClient rest)
    {
        _rest = rest;
    }

    /// <summary>Initializes a recording client for mocking.</summary>
    protected CallRecording()
    {
    }

    /// <summary>Starts recording a call (POST <c>/calling/recordings</c>, with repeatability headers, 200 or 202).</summary>
    /// <param name="options">The call and the recording's shape.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The recording id and state.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="RequestFailedException">The service returned an error (400 when the call is already recorded).</exception>
    public virtual async Task<Response<RecordingStateResult>> StartAsync(StartRecordingOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var response = await _rest.SendAsync(RequestMethod.Post, "/calling/recordings", MediaRequestBodies.StartRecording(options), true, options.RepeatabilityHeaders, cancellationToken).ConfigureAwait(false);
        return Response.FromValue(ReadState(CallAutomationRestClient.ParseBody(response)), response);
    }

    /// <summary>Gets a recording's state (GET <c>/calling/recordings/{id}</c>, 200).</summary>
    /// <param name="recordingId">The recording id.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The recording id and state.</returns>
    /// <exception cref="ArgumentException"><paramref name="recordingId"/> is null or empty.</exception>
    /// <exception cref="RequestFailedException">The service returned an error (404 once the recording has stopped).</exception>
    public virtual async Task<Response<RecordingStateResult>> GetStateAsync(string recordingId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(recordingId);
        var response = await _rest.SendAsync(RequestMethod.Get, PathOf(recordingId), null, false, null, cancellationToken).ConfigureAwait(false);
        return Response.FromValue(ReadState(CallAutomationRestClient.ParseBody(response)), response);
    }

    /// <summary>Stops a recording (DELETE <c>/calling/recordings/{id}</c>, 204); the file is announced by <see cref="RecordingFileStatusUpdated"/>.</summary>
    /// <param name="recordingId">The recording id.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The raw response.</returns>
    /// <exception cref="ArgumentException"><paramref name="recordingId"/> is null or empty.</exception>
    /// <exception cref="RequestFailedException">The service returned an error.</exception>
    public virtual Task<Response> StopAsync(string recordingId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(recordingId);
        return _rest.SendAsync(RequestMethod.Delete, PathOf(recordingId), null, false, null, cancellationToken);
    }

    /// <summary>Pauses a recording (POST <c>/calling/recordings/{id}:pause</c>, 202).</summary>
    /// <param name="recordingId">The recording id.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The raw response.</returns>
    /// <exception cref="ArgumentException"><paramref name="recordingId"/> is null or empty.</exception>
    /// <exception cref="RequestFailedException">The service returned an error.</exception>
    public virtual Task<Response> PauseAsync(string recordingId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(recordingId);
        return _rest.SendAsync(RequestMethod.Post, PathOf(recordingId) + ":pause", null, false, null, cancellationToken);
    }

    /// <summary>Resumes a paused recording (POST <c>/calling/recordings/{id}:resume</c>, 202).</summary>
    /// <param name="recordingId">The recording id.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The raw response.</returns>
    /// <exception cref="ArgumentException"><paramref name="recordingId"/> is null or empty.</exception>
    /// <exception cref="RequestFailedException">The service returned an error.</exception>
    public virtual Task<Response> ResumeAsync(string recordingId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(recordingId);
        return _rest.SendAsync(RequestMethod.Post, PathOf(recordingId) + ":resume", null, false, null, cancellationToken);
    }

    /// <summary>Opens the recording file at its content location (GET, signed like every request) as a stream.</summary>
    /// <param name="sourceLocation">The <see cref="RecordingChunk.ContentLocation"/>.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The content stream; dispose it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="sourceLocation"/> is null.</exception>
    /// <exception cref="RequestFailedException">The service returned an error (404 when deleted).</exception>
    public virtual async Task<Response<Stream>> DownloadStreamingAsync(Uri sourceLocation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sourceLocation);
        var response = await _rest.SendToLocationAsync(RequestMethod.Get, sourceLocation, buffer: false, cancellationToken).ConfigureAwait(false);
        return Response.FromValue(response.ContentStream ?? Stream.Null, response);
    }

    /// <summary>Copies the recording file at its content location into a stream.</summary>
    /// <param name="sourceLocation">The <see cref="RecordingChunk.ContentLocation"/>.</param>
    /// <param name="destination">Where to write the file.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The raw response.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="RequestFailedException">The service returned an error.</exception>
    public virtual async Task<Response> DownloadToAsync(Uri sourceLocation, Stream destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(destination);
        var download = await DownloadStreamingAsync(sourceLocation, cancellationToken).ConfigureAwait(false);
        await using (download.Value.ConfigureAwait(false))
        {
            await download.Value.CopyToAsync(destination, cancellationToken).ConfigureAwait(false);
        }

        return download.GetRawResponse();
    }

    /// <summary>Deletes the recording at its delete location (DELETE, signed like every request).</summary>
    /// <param name="recordingLocation">The <see cref="RecordingChunk.DeleteLocation"/>.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The raw response.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="recordingLocation"/> is null.</exception>
    /// <exception cref="RequestFailedException">The service returned an error.</exception>
    public virtual Task<Response> DeleteAsync(Uri recordingLocation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(recordingLocation);
        return _rest.SendToLocationAsync(RequestMethod.Delete, recordingLocation, buffer: true, cancellationToken);
    }

    private static string PathOf(string recordingId) => "/calling/recordings/" + CallAutomationRestClient.Escape(recordingId);

    private static RecordingStateResult ReadState(System.Text.Json.JsonElement json) => new()
    {
        RecordingId = ResponseModels.Str(json, "recordingId"),
        RecordingState = WireEnumConverter<RecordingState>.FromWire(ResponseModels.Str(json, "recordingState")),
        RecordingKind = ResponseModels.Str(json, "recordingKind") is { } kind ? WireEnumConverter<RecordingKind>.FromWire(kind) : null,
    };
}
