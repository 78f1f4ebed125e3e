using System.Globalization;

namespace CallFlows.LocalHost.Cli;

/// <summary>Parsed <c>--name value</c> / <c>--flag</c> options of a verb.</summary>
public sealed class CliArguments
{
    readonly Dictionary<string, string?> options = new(StringComparer.OrdinalIgnoreCase);
    readonly HashSet<string> read = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Parses arguments of the form <c>--name value</c>, <c>--name=value</c> and <c>--flag</c>.</summary>
    /// <param name="args">The arguments after the verb.</param>
    /// <exception cref="CliUsageException">An argument is not an option.</exception>
    public CliArguments(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        for (int i = 0; i < args.Count; i++)
        {
            string arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal) || arg.Length == 2)
            {
                throw new CliUsageException($"Unexpected argument '{arg}'.");
            }

            string name = arg[2..];
            int eq = name.IndexOf('=', StringComparison.Ordinal);
            if (eq >= 0)
            {
                this.options[name[..eq]] = name[(eq + 1)..];
            }
            else if (i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                this.options[name] = args[++i];
            }
            else
            {
                this.options[name] = null;
            }
        }
    }

    /// <summary>Gets an option's value, or <see langword="null"/> when absent.</summary>
    /// <param name="name">Option name without dashes.</param>
    /// <returns>The value.</returns>
    public string? GetString(string name)
    {
        this.read.Add(name);
        return this.options.TryGetValue(name, out string? value) ? value : null;
    }

    /// <summary>Gets an integer option, or <paramref name="defaultValue"/> when absent.</summary>
    /// <param name="name">Option name without dashes.</param>
    /// <param name="defaultValue">Value when absent.</param>
    /// <returns>The value.</returns>
    /// <exception cref="CliUsageException">The value is not an integer.</exception>
    public int GetInt32(string name, int defaultValue)
    {
        string? text = this.GetString(name);
        if (text is null)
        {
            return defaultValue;
        }

        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value)
            ? value
            : throw new CliUsageException($"--{name} must be an integer, not '{text}'.");
    }

    /// <summary>Tells whether a flag is present.</summary>
    /// <param name="name">Option name without dashes.</param>
    /// <returns><see langword="true"/> when present.</returns>
    public bool HasFlag(string name)
    {
        this.read.Add(name);
        return this.options.ContainsKey(name);
    }

    /// <summary>Throws when an option was given that the verb never asked for (catches typos).</summary>
    /// <exception cref="CliUsageException">An unknown option was given.</exception>
    public void ThrowIfUnknownOptions()
    {
        string[] unknown = this.options.Keys.Where(k => !this.read.Contains(k)).ToArray();
        if (unknown.Length > 0)
        {
            throw new CliUsageException("Unknown option(s): " + string.Join(", ", unknown.Select(u => "--" + u)));
        }
    }
}
