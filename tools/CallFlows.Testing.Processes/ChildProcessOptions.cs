namespace CallFlows.Testing.Processes;

/// <summary>How <see cref="ChildProcess.Start"/> starts a process.</summary>
public sealed class ChildProcessOptions
{
    /// <summary>Gets or sets the working directory. Default <see langword="null"/>: <see cref="AppContext.BaseDirectory"/>.</summary>
    public string? WorkingDirectory { get; set; }

    /// <summary>Gets the environment variables set for the process on top of the inherited ones.</summary>
    public IDictionary<string, string> Environment { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>
    /// Gets or sets a file that receives every output line (stdout and stderr, appended). Default <see langword="null"/>:
    /// output is kept in memory only (<see cref="ChildProcess.Output"/>).
    /// </summary>
    public string? LogPath { get; set; }

    /// <summary>Gets or sets a callback for each output line, called on the process's output threads. Default none.</summary>
    public Action<string>? OnLine { get; set; }

    /// <summary>Gets or sets how many output lines are kept in memory (oldest dropped first). Default 5,000.</summary>
    public int MaxLinesKept { get; set; } = 5_000;
}
