namespace CallFlows.CallAutomation;

/// <summary>An audio file to play (wire kind <c>file</c>): a publicly readable WAV (mono, 16-bit, 16 kHz) URL.</summary>
public sealed class FileSource : PlaySource
{
    /// <summary>Creates the source.</summary>
    /// <param name="fileUri">The file's absolute URL.</param>
    /// <exception cref="ArgumentNullException"><paramref name="fileUri"/> is null.</exception>
    public FileSource(Uri fileUri)
    {
        ArgumentNullException.ThrowIfNull(fileUri);
        FileUri = fileUri;
    }

    /// <summary>The file's URL.</summary>
    public Uri FileUri { get; }
}
