namespace CallFlows.LocalHost.Cli;

/// <summary>
/// A verb of the <c>CallFlows.LocalHost</c> command line (<c>serve</c>, <c>demo</c>, ...). Add a verb by adding a
/// class implementing this interface with a parameterless constructor; <see cref="CliApplication"/> finds it.
/// </summary>
public interface ICliCommand
{
    /// <summary>Gets the verb, e.g. <c>serve</c>.</summary>
    string Name { get; }

    /// <summary>Gets a one-line description for the help text.</summary>
    string Description { get; }

    /// <summary>Gets the usage line (options), printed by <c>help</c>.</summary>
    string Usage { get; }

    /// <summary>Runs the verb.</summary>
    /// <param name="arguments">The arguments after the verb.</param>
    /// <param name="cancellationToken">Fires on Ctrl+C / SIGTERM.</param>
    /// <returns>The process exit code.</returns>
    Task<int> RunAsync(CliArguments arguments, CancellationToken cancellationToken);
}
