namespace CallFlows.LocalHost.Cli;

/// <summary>A command line that cannot be run as given; its message is shown with the usage and exit code 2.</summary>
public sealed class CliUsageException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="CliUsageException"/> class.</summary>
    public CliUsageException()
    {
    }

    /// <summary>Initializes a new instance of the <see cref="CliUsageException"/> class.</summary>
    /// <param name="message">What is wrong.</param>
    public CliUsageException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="CliUsageException"/> class.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="innerException">The cause.</param>
    public CliUsageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
